/// An ATX heading line (`## Done`) of a Markdown body, as the merge and `hearth check` match
/// headings: by level and normalised title.
///
/// A heading is one to six `#` (CommonMark's limit) at the start of a line followed by a space,
/// outside fenced code (see `CodeFence`; the rule `review` and `hearth done` read sections by).
/// Setext headings (a line underlined with `===` or `---`) are not headings here.
///
/// The title is the text after the `#`s with spaces and tabs trimmed at both ends, a closing run
/// of `#`s (`## Done ##`) dropped, and runs of spaces and tabs inside it written as one space;
/// these differences do not change how Markdown renders the heading. Case is kept: `## done` is
/// not `## Done`, because `review` counts only the items under `## Done`.
public struct MarkdownHeading: Hashable, Sendable {
    /// The number of `#`s.
    public var level: Int
    /// The normalised title (see the type's documentation).
    public var title: String

    /// Creates a heading.
    public init(level: Int, title: String) {
        self.level = level
        self.title = title
    }

    /// The heading of each line (with or without its terminator), nil for lines that are not
    /// headings or lie in fenced code.
    public static func headings<Lines: Sequence>(in lines: Lines) -> [MarkdownHeading?] where Lines.Element: StringProtocol {
        var fence = CodeFence()
        return lines.map { line in
            let content = withoutTerminator(Substring(line))
            guard let level = fence.headingLevel(of: content) else { return nil }
            return MarkdownHeading(level: level, title: title(of: content.utf8.dropFirst(level)))
        }
    }

    /// `## Done` with the title as it is matched.
    public var text: String { String(repeating: "#", count: level) + " " + title }

    /// The line without `\n` or `\r\n`.
    static func withoutTerminator(_ line: Substring) -> Substring {
        var utf8 = line.utf8[...]
        if utf8.last == UInt8(ascii: "\n") { utf8 = utf8.dropLast() }
        if utf8.last == UInt8(ascii: "\r") { utf8 = utf8.dropLast() }
        return Substring(utf8)
    }

    /// The normalised title of the bytes after the opening `#`s.
    private static func title(of rest: Substring.UTF8View.SubSequence) -> String {
        let isSpace = { (byte: UInt8) in byte == 32 || byte == 9 }
        var bytes = Array(rest.drop(while: isSpace))
        while let last = bytes.last, isSpace(last) { bytes.removeLast() }
        // A closing sequence counts only after a space (`## C#` keeps its `#`) or as the whole title.
        let hashes = bytes.reversed().prefix { $0 == UInt8(ascii: "#") }.count
        if hashes > 0, hashes == bytes.count || isSpace(bytes[bytes.count - hashes - 1]) {
            bytes.removeLast(hashes)
            while let last = bytes.last, isSpace(last) { bytes.removeLast() }
        }
        var collapsed: [UInt8] = []
        for byte in bytes {
            if isSpace(byte) {
                if collapsed.last != 32 { collapsed.append(32) }
            } else {
                collapsed.append(byte)
            }
        }
        return String(decoding: collapsed, as: UTF8.self)
    }
}
