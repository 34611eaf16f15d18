/// Edits a Markdown body by section (`## Done`, `## Log`), the way journal.md lays out a day:
/// appending an item to a section touches no other line.
public enum MarkdownSection {
    /// The body with `line` appended as the last item of the section headed `heading`
    /// (e.g. `## Done`), after its last non-blank line. A missing section is added at the end.
    ///
    /// The body's own line ending (`\r\n` or `\n`) is used for the new line.
    public static func appending(_ line: String, toSection heading: String, in body: String) -> String {
        let newline = body.contains("\r\n") ? "\r\n" : "\n"
        var lines = body.components(separatedBy: "\n")
        let hadFinalNewline = body.hasSuffix("\n")
        if hadFinalNewline { lines.removeLast() }
        let crlf = newline == "\r\n"
        func content(_ index: Int) -> String {
            crlf && lines[index].hasSuffix("\r") ? String(lines[index].dropLast()) : lines[index]
        }
        let level = heading.prefix { $0 == "#" }.count
        let start = lines.indices.first { content($0).trimmingTrailingBlanks == heading }
        guard let start else {
            // No such section: add it at the end, separated by a blank line.
            var text = body
            if !text.isEmpty && !text.hasSuffix(newline) { text += newline }
            if !text.isEmpty && !text.hasSuffix(newline + newline) { text += newline }
            return text + heading + newline + newline + line + newline
        }
        var end = lines.count
        for index in (start + 1)..<lines.count {
            let text = content(index)
            let hashes = text.prefix { $0 == "#" }.count
            if hashes > 0 && hashes <= level && text.dropFirst(hashes).first == " " {
                end = index
                break
            }
        }
        var insertAt = start + 1
        for index in stride(from: end - 1, to: start, by: -1) where !content(index).allSatisfy({ $0 == " " || $0 == "\t" }) {
            insertAt = index + 1
            break
        }
        // Keep a blank line between a heading and its first item when the template had one.
        if insertAt == start + 1, start + 1 < end, content(start + 1).isEmpty { insertAt = start + 2 }
        lines.insert(crlf ? line + "\r" : line, at: insertAt)
        // Keep a blank line before the next heading.
        if insertAt + 1 < lines.count, insertAt + 1 == end + 1, !content(insertAt + 1).isEmpty {
            lines.insert(crlf ? "\r" : "", at: insertAt + 1)
        }
        var result = lines.joined(separator: "\n")
        if hadFinalNewline || insertAt == lines.count - 1 { result += "\n" }
        return result
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
        var lines = LineIterator(Substring(body))
        while let line = lines.next() {
            let content = line.content
            let utf8 = content.utf8
            guard let first = utf8.first else { continue }
            if first == UInt8(ascii: "#") {
                let hashes = utf8.prefix { $0 == UInt8(ascii: "#") }.count
                if utf8.dropFirst(hashes).first == UInt8(ascii: " ") {
                    if let open = current, hashes <= open.level { current = nil }
                    let title = FrontMatterScanner.trimmed(content)
                    if let heading = headings.first(where: { $0.utf8.elementsEqual(title.utf8) }) { current = (heading, hashes) }
                    continue
                }
            }
            guard let open = current, first == UInt8(ascii: "-") || first == UInt8(ascii: "*"),
                  utf8.dropFirst().first == UInt8(ascii: " ") else { continue }
            result[open.heading, default: []].append(String(content.dropFirst(2)))
        }
        return result
    }
}

private extension String {
    var trimmingTrailingBlanks: String {
        String(reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
