import NoteKit

/// One matching line found in an entry's history: where it is (or was), who first wrote it and,
/// when it is gone, who removed it.
public struct HistoryMatch: Sendable, Hashable {
    /// The entry's path relative to the notebook root.
    public var path: String
    /// The line's number now, or in the last version that had it.
    public var line: Int
    /// The line (or the field value with `--field`).
    public var text: String
    /// Where the pattern matched, as offsets into `text.utf8`.
    public var highlights: [Range<Int>]
    /// The front-matter key searched, nil for a body match.
    public var field: String?
    /// The entry's kind (now, or in the last version that had the line).
    public var kind: NoteKind
    /// The entry's date (now, or in the last version that had the line).
    public var date: LocalDate?
    /// The earliest commit that added the line; an uncommitted event when it is only in the
    /// working tree so far.
    public var added: LineEvent
    /// The latest commit that removed the line (an uncommitted event when it was removed in the
    /// working tree since the last commit); nil while the line is present.
    public var removed: LineEvent?
    /// Whether the line went with the whole entry: the commit that removed it (or the change not
    /// yet committed) deleted the entry. False while the line is present, and for a line edited
    /// away before the entry was moved or deleted.
    public var entryDeleted: Bool

    /// Whether the entry holds the line today (in the working tree).
    public var isPresent: Bool { removed == nil }

    /// Creates a match.
    public init(path: String, line: Int, text: String, highlights: [Range<Int>], field: String?, kind: NoteKind, date: LocalDate?,
                added: LineEvent, removed: LineEvent?, entryDeleted: Bool) {
        self.path = path
        self.line = line
        self.text = text
        self.highlights = highlights
        self.field = field
        self.kind = kind
        self.date = date
        self.added = added
        self.removed = removed
        self.entryDeleted = entryDeleted
    }
}
