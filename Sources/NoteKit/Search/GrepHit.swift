/// One matching line of an entry (or one matching front-matter value with `--field`).
public struct GrepHit: Sendable, Hashable {
    /// The entry's path relative to the notebook root.
    public var path: String
    /// The 1-based line in the file: the body line, or the line of the field's key (of the list
    /// item, for a block list).
    public var line: Int
    /// The matching line, or the matching value with `--field`.
    public var text: String
    /// Where the pattern matched, as offsets into `text.utf8` (only the first match unless the
    /// query asked for every one).
    public var highlights: [Range<Int>]
    /// The front-matter key searched, nil for a body match.
    public var field: String?
    /// The entry's kind.
    public var kind: NoteKind
    /// The entry's date, when it has one.
    public var date: LocalDate?

    /// Creates a hit.
    public init(path: String, line: Int, text: String, highlights: [Range<Int>], field: String?, kind: NoteKind, date: LocalDate?) {
        self.path = path
        self.line = line
        self.text = text
        self.highlights = highlights
        self.field = field
        self.kind = kind
        self.date = date
    }
}
