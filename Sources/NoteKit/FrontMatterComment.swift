/// The comments of raw front-matter lines, read as ``FrontMatterScanner`` reads them, for code
/// outside NoteKit that puts lines together itself: MergeKit keeps every comment a side added,
/// wherever the other side's value or list lines win.
package enum FrontMatterComment {
    /// The `# comment` that ends a key line (`energy: 3  # slept badly`) or a block list item
    /// (`  - cough # dry`), with the blanks before it; nil when there is none, or the line is a
    /// full-line comment or neither kind of line.
    package static func trailing(of raw: String) -> String? {
        let line = FrontMatterScanner.content(of: raw)
        guard let value = valuePart(of: line) else { return nil }
        let stripped = FrontMatterScanner.stripComment(value)
        // stripComment gives the value back whole when it holds no comment.
        guard stripped.endIndex < value.endIndex else { return nil }
        let utf8 = line.utf8
        var begin = stripped.endIndex
        while begin > utf8.startIndex, utf8[utf8.index(before: begin)] == 32 || utf8[utf8.index(before: begin)] == 9 {
            begin = utf8.index(before: begin)
        }
        return String(line[begin...])
    }

    /// `raw` with its trailing comment replaced by `comment` (which brings its own blanks), or
    /// removed when `comment` is nil; the terminator stays.
    package static func replacingTrailing(of raw: String, with comment: String?) -> String {
        let line = FrontMatterScanner.content(of: raw)
        let terminator = String(raw.utf8.dropFirst(line.utf8.count))!
        var head = String(line)
        if let existing = trailing(of: raw) { head = String(line.utf8.dropLast(existing.utf8.count))! }
        return head + (comment ?? "") + terminator
    }

    /// Whether a raw line is a full-line comment (`# after lunch`, `  # keep sorted`).
    package static func isFullLine(_ raw: String) -> Bool {
        FrontMatterScanner.trimmed(FrontMatterScanner.content(of: raw)).hasPrefix("#")
    }

    /// Whether a raw line is blank or a full-line comment.
    package static func isBlankOrComment(_ raw: String) -> Bool {
        let text = FrontMatterScanner.trimmed(FrontMatterScanner.content(of: raw))
        return text.isEmpty || text.hasPrefix("#")
    }

    /// Whether an entry's lines below its key line are only blank and comment lines under a value
    /// that is whole on the key line (`sleep: 7`, then `  # from watch`): then they are comments,
    /// not value. Not so under a block scalar or a scalar over several lines, where a `#` line is
    /// text: the key line read alone must give `value`.
    package static func onlyCommentsUnderKeyLine(_ entry: [String], value: YAMLValue) -> Bool {
        guard entry.count > 1, entry.dropFirst().allSatisfy(isBlankOrComment) else { return false }
        let first = entry[0]
        guard let alone = try? FrontMatter(yamlFile: FrontMatter.terminator(of: first) == nil ? first + "\n" : first, path: "") else {
            return false
        }
        return alone.entries.count == 1 && alone.entries[0].value.jsonObject == value.jsonObject
    }

    /// What follows the key's colon, or the item's dash.
    private static func valuePart(of line: Substring) -> Substring? {
        let text = line.drop { $0 == " " || $0 == "\t" }
        if text.hasPrefix("#") { return nil }
        if text.hasPrefix("-"), text.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? true {
            return text.dropFirst()
        }
        return FrontMatterScanner.splitKey(line)?.1
    }
}
