/// One line that matched, as found in a file's bytes.
public struct GrepLine: Sendable, Hashable {
    /// The 1-based line number in the file.
    public var number: Int
    /// The line without its terminator; bytes that are not UTF-8 show as U+FFFD (the file itself
    /// is only read).
    public var text: String
    /// Where the pattern matched, as offsets into `text.utf8`, in order, never overlapping.
    public var highlights: [Range<Int>]

    /// Creates a matched line.
    public init(number: Int, text: String, highlights: [Range<Int>]) {
        self.number = number
        self.text = text
        self.highlights = highlights
    }
}
