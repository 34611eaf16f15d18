/// Splitting text into lines that keep their terminators, and the helpers the line merge needs.
enum TextLines {
    /// The lines of `text`, each with its `\n` or `\r\n`; the last one may have none.
    static func split(_ text: String) -> [String] {
        var lines: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            // Split on bytes: Swift treats `\r\n` as one Character, and the terminator must stay exact.
            let utf8 = rest.utf8
            guard let newline = utf8.firstIndex(of: UInt8(ascii: "\n")) else {
                lines.append(String(rest))
                break
            }
            let end = utf8.index(after: newline)
            lines.append(String(Substring(utf8[utf8.startIndex..<end])))
            rest = Substring(utf8[end...])
        }
        return lines
    }

    /// The terminator of the first line that has one, nil when there is none.
    static func newline(of text: String) -> String? {
        let bytes = text.utf8
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        if newline > bytes.startIndex, bytes[bytes.index(before: newline)] == UInt8(ascii: "\r") { return "\r\n" }
        return "\n"
    }

    /// Whether the line ends with a terminator.
    static func isTerminated(_ line: String) -> Bool {
        line.utf8.last == UInt8(ascii: "\n")
    }

    /// The line with `newline` appended when it has no terminator.
    static func terminated(_ line: String, newline: String) -> String {
        isTerminated(line) ? line : line + newline
    }

    /// Small integer ids for lines, equal exactly when the lines are, shared across all versions.
    ///
    /// A last line without a terminator counts as if it had that version's terminator, so a
    /// side that appends after it changes nothing about that line as far as the diff can see.
    struct Interner {
        private var ids: [String: Int] = [:]

        /// The ids of `lines`; an unterminated line gets `newline` for its comparison key.
        mutating func ids(_ lines: [String], newline: String) -> [Int] {
            lines.map { line in
                let key = TextLines.terminated(line, newline: newline)
                if let id = ids[key] { return id }
                let id = ids.count
                ids[key] = id
                return id
            }
        }
    }
}
