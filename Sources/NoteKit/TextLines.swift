import Foundation

/// Splitting text into lines that keep their terminators, and the helpers the line merge needs.
package enum TextLines {
    /// Text when the bytes are UTF-8 without a NUL byte (git's own binary test).
    package static func decode(_ data: Data) -> String? {
        data.contains(0) ? nil : String(validating: data, as: UTF8.self)
    }

    /// The lines of `text`, each with its `\n` or `\r\n`; the last one may have none.
    package static func split(_ text: String) -> [String] {
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
    package static func newline(of text: String) -> String? {
        let bytes = text.utf8
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        if newline > bytes.startIndex, bytes[bytes.index(before: newline)] == UInt8(ascii: "\r") { return "\r\n" }
        return "\n"
    }

    /// The ending the merged file uses (merge.md): the base's, so a merge never converts a file
    /// behind both devices' backs; with no base (two devices added the file), the first side's in
    /// canonical order. A version without any line break says nothing about it.
    package static func mergedNewline(base: String?, first: String, second: String) -> String {
        if let baseNewline = base.flatMap(newline(of:)) { return baseNewline }
        return newline(of: first) ?? newline(of: second) ?? "\n"
    }

    /// `text` with every `\r\n` and `\n` written as `newline` (a lone `\r` is not a line break
    /// and stays).
    package static func normalized(_ text: String, to newline: String) -> String {
        let crlf = newline == "\r\n"
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                if previous == UInt8(ascii: "\r"), !crlf { bytes.removeLast() }
                if previous != UInt8(ascii: "\r"), crlf { bytes.append(UInt8(ascii: "\r")) }
            }
            bytes.append(byte)
            previous = byte
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The line without its `\n` or `\r\n`.
    package static func content(_ line: String) -> Substring {
        var utf8 = Substring(line).utf8[...]
        if utf8.last == UInt8(ascii: "\n") {
            utf8 = utf8.dropLast()
            if utf8.last == UInt8(ascii: "\r") { utf8 = utf8.dropLast() }
        }
        return Substring(utf8)
    }

    /// Whether the line ends with a terminator.
    package static func isTerminated(_ line: String) -> Bool {
        line.utf8.last == UInt8(ascii: "\n")
    }

    /// The line with `newline` appended when it has no terminator.
    package static func terminated(_ line: String, newline: String) -> String {
        isTerminated(line) ? line : line + newline
    }

    /// Small integer ids for lines, equal exactly when the lines are, shared across all versions.
    ///
    /// A last line without a terminator counts as if it had that version's terminator, so a
    /// side that appends after it changes nothing about that line as far as the diff can see.
    package struct Interner {
        package init() {}
        private var ids: [String: Int] = [:]

        /// The ids of `lines`; an unterminated line gets `newline` for its comparison key.
        package mutating func ids(_ lines: [String], newline: String) -> [Int] {
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
