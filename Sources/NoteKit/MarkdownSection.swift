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
        var items: [String] = []
        var inside = false
        let level = heading.prefix { $0 == "#" }.count
        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let hashes = line.prefix { $0 == "#" }.count
            if hashes > 0 && line.dropFirst(hashes).first == " " {
                if inside && hashes <= level { break }
                if String(line).trimmingTrailingBlanks == heading { inside = true; continue }
            }
            if inside, line.hasPrefix("- ") || line.hasPrefix("* ") {
                items.append(String(line.dropFirst(2)))
            }
        }
        return items
    }
}

private extension String {
    var trimmingTrailingBlanks: String {
        String(reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
