/// Edits a Markdown body by section (`## Done`, `## Log`), the way journal.md lays out a day:
/// appending an item to a section touches no other line.
public enum MarkdownSection {
    /// The body with `line` appended as the last item of the section headed `heading`
    /// (e.g. `## Done`), after its last non-blank line. A missing section is added at the end.
    ///
    /// The body's own line ending (`\r\n` or `\n`) is used for the new line.
    public static func appending(_ line: String, toSection heading: String, in body: String) -> String {
        let newline = body.contains("\r\n") ? "\r\n" : "\n"
        var lines: [(content: Substring, raw: Substring)] = []
        var iterator = LineIterator(Substring(body))
        while let next = iterator.next() { lines.append((next.content, next.raw)) }
        func isBlank(_ index: Int) -> Bool { FrontMatterScanner.isBlank(lines[index].content) }
        // Heading levels, nil for other lines and for `#` lines inside fenced code blocks.
        var fence = CodeFence()
        let levels = lines.map { fence.headingLevel(of: $0.content) }
        func headingLevel(_ index: Int) -> Int? { levels[index] }
        let level = heading.prefix { $0 == "#" }.count
        guard let start = lines.indices.first(where: { levels[$0] != nil && FrontMatterScanner.trimmed(lines[$0].content) == heading }) else {
            // No such section: add it at the end, separated by a blank line.
            // Byte checks: in Swift "\r\n" is one Character, so hasSuffix("\n") misses it.
            var text = body
            if !text.isEmpty && text.utf8.last != UInt8(ascii: "\n") { text += newline }
            if !text.isEmpty && !text.utf8.reversed().starts(with: (newline + newline).utf8.reversed()) { text += newline }
            return text + heading + newline + newline + line + newline
        }
        let end = lines.indices.first { $0 > start && (headingLevel($0).map { $0 <= level } ?? false) } ?? lines.count
        // After the section's last non-blank line, or after the heading's blank line when it is empty.
        var insertAt = (start + 1..<end).last { !isBlank($0) }.map { $0 + 1 } ?? start + 1
        if insertAt == start + 1, start + 1 < end, isBlank(start + 1) { insertAt = start + 2 }
        var out = ""
        for index in 0..<insertAt { out += lines[index].raw }
        // The line before may be the file's last and lack a terminator.
        if insertAt > 0, lines[insertAt - 1].raw.utf8.last != UInt8(ascii: "\n") { out += newline }
        out += line + newline
        // Keep a blank line before the next heading.
        if insertAt == end, end < lines.count { out += newline }
        for index in insertAt..<lines.count { out += lines[index].raw }
        return out
    }

    /// The 1-based line of the body (counting from the body's first line) of a fenced code block
    /// that is never closed, or nil. CommonMark makes everything after such a fence code, so a
    /// line appended to any section after it would be code too: invisible to the section readers
    /// and to `review`.
    public static func unclosedFenceLine(in body: String) -> Int? {
        var fence = CodeFence()
        var opened: Int?
        var number = 0
        var iterator = LineIterator(Substring(body))
        while let next = iterator.next() {
            number += 1
            let wasOpen = fence.isOpen
            _ = fence.headingLevel(of: next.content)
            if fence.isOpen && !wasOpen { opened = number }
        }
        return fence.isOpen ? opened : nil
    }

    /// The items (`- text` lines) of the section headed `heading`, without the `- `.
    public static func items(inSection heading: String, of body: String) -> [String] {
        items(inSections: [heading], of: body)[heading] ?? []
    }

    /// The items of several sections in one pass over the body, keyed by heading. Reviews read
    /// three sections of thousands of days, so lines are found by scanning UTF-8 bytes.
    public static func items(inSections headings: [String], of body: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        var current: (heading: String, level: Int)?
        var fence = CodeFence()
        var lines = LineIterator(Substring(body))
        while let line = lines.next() {
            let content = line.content
            let utf8 = content.utf8
            let wasInFence = fence.isOpen
            let hashes = fence.headingLevel(of: content)
            // Fence lines and everything between them are code, not headings or items.
            guard let first = utf8.first, !wasInFence, !fence.isOpen else { continue }
            if let hashes {
                if let open = current, hashes <= open.level { current = nil }
                let title = FrontMatterScanner.trimmed(content)
                if let heading = headings.first(where: { $0.utf8.elementsEqual(title.utf8) }) { current = (heading, hashes) }
                continue
            }
            guard let open = current, first == UInt8(ascii: "-") || first == UInt8(ascii: "*"),
                  utf8.dropFirst().first == UInt8(ascii: " ") else { continue }
            result[open.heading, default: []].append(String(content.dropFirst(2)))
        }
        return result
    }
}
