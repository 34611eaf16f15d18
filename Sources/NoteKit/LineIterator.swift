/// Lines of a text with and without their terminators, found by scanning UTF-8 bytes.
struct LineIterator: IteratorProtocol {
    struct Line {
        /// The line including its terminator.
        var raw: Substring
        /// The line without its terminator.
        var content: Substring
        var hasTerminator: Bool
    }

    private var rest: Substring

    init(_ text: Substring) { rest = text }

    mutating func next() -> Line? {
        guard !rest.isEmpty else { return nil }
        let utf8 = rest.utf8
        guard let newline = utf8.firstIndex(of: UInt8(ascii: "\n")) else {
            let line = Line(raw: rest, content: rest, hasTerminator: false)
            rest = rest[rest.endIndex...]
            return line
        }
        let end = utf8.index(after: newline)
        var contentEnd = newline
        if contentEnd > utf8.startIndex, utf8[utf8.index(before: contentEnd)] == UInt8(ascii: "\r") {
            contentEnd = utf8.index(before: contentEnd)
        }
        let line = Line(raw: Substring(utf8[utf8.startIndex..<end]), content: Substring(utf8[utf8.startIndex..<contentEnd]), hasTerminator: true)
        rest = Substring(utf8[end...])
        return line
    }
}
