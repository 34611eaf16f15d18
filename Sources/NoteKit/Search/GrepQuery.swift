import Foundation

/// What `hearth grep` looks for: a pattern in the body (or in one front-matter field), in entries
/// of some kinds and dates.
public struct GrepQuery: Sendable {
    /// The compiled pattern.
    public var matcher: GrepMatcher
    /// Accepted kinds; empty accepts every kind.
    public var kinds: Set<NoteKind>
    /// The first entry date included.
    public var since: LocalDate?
    /// The last entry date included.
    public var until: LocalDate?
    /// The front-matter key whose value is searched instead of the body.
    public var field: String?
    /// Whether each hit's highlights are every match on its line (to colour them), or only the
    /// first (enough for plain output, and cheaper).
    public var everyMatch: Bool

    /// Creates a query; without filters it searches every entry's body.
    public init(matcher: GrepMatcher, kinds: Set<NoteKind> = [], since: LocalDate? = nil, until: LocalDate? = nil, field: String? = nil,
                everyMatch: Bool = true) {
        self.matcher = matcher
        self.everyMatch = everyMatch
        self.kinds = kinds
        self.since = since
        self.until = until
        self.field = field
    }

    /// Searches one file's bytes (a file on disk, or a version from history) for the entry at `path`.
    public func search(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> GrepFileResult {
        guard bytes.count <= RegexPattern.maximumLength else {
            return .unreadable(Diagnostic(path: path, line: 0, message: "too large to search (\(bytes.count) bytes; at most \(RegexPattern.maximumLength))",
                                          hint: "split it into smaller entries"))
        }
        if let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil {
            guard accepts(EntryFacts(path: path, bytes: bytes, frontMatter: nil)) else { return .filteredOut }
            return .binary(matched: field == nil && matcher.matches(bytes))
        }
        let layout = EntryLayout(bytes)
        var facts: EntryFacts?
        if !kinds.isEmpty || since != nil || until != nil {
            let known = EntryFacts(path: path, bytes: bytes, frontMatter: layout.frontMatter)
            guard accepts(known) else { return .filteredOut }
            facts = known
        }
        let hits: [GrepHit]
        if let field {
            do throws(Diagnostic) {
                hits = try fieldHits(field, bytes: bytes, layout: layout, path: path)
            } catch {
                return .unreadable(error)
            }
        } else {
            let lines = matcher.matchingLines(in: bytes, from: layout.bodyStart, firstLine: layout.bodyFirstLine, everyMatch: everyMatch)
            guard !lines.isEmpty else { return .searched(hits: [], invalidUTF8: false) }
            let known = facts ?? EntryFacts(path: path, bytes: bytes, frontMatter: layout.frontMatter)
            hits = lines.map {
                GrepHit(path: path, line: $0.number, text: $0.text, highlights: $0.highlights, field: nil, kind: known.kind, date: known.date)
            }
        }
        // Only a file whose shown lines hold a U+FFFD (bytes EF BF BD, so an 0xEF first) is
        // checked: that is what a reader sees of bytes that are not UTF-8.
        let invalid = hits.contains { $0.text.utf8.contains(0xEF) } && String(validating: bytes, as: UTF8.self) == nil
        return .searched(hits: hits, invalidUTF8: invalid)
    }

    /// Whether an entry of this kind and date is searched.
    func accepts(_ facts: EntryFacts) -> Bool {
        if !kinds.isEmpty && !kinds.contains(facts.kind) { return false }
        if since != nil || until != nil {
            guard let date = facts.date else { return false }
            if let since, date < since { return false }
            if let until, date > until { return false }
        }
        return true
    }

    // MARK: - Fields

    /// The values of `key` that match, one hit per matching list item (per line of a
    /// multi-line value).
    private func fieldHits(_ key: String, bytes: UnsafeBufferPointer<UInt8>, layout: EntryLayout, path: String) throws(Diagnostic) -> [GrepHit] {
        guard let range = layout.frontMatter else { return [] }
        // Most entries lack a rare key: look for its bytes before parsing anything.
        guard Self.contains(Array(key.utf8), in: UnsafeBufferPointer(rebasing: bytes[range])) else { return [] }
        let lines = Self.lines(bytes, range)
        let entries = try FrontMatterScanner(path: path, firstLine: 2).scan(lines)
        return fieldHits(key, lines: lines, entries: entries, path: path)
    }

    /// The search of one front-matter field in an entry the query cache holds (parsed before).
    func searchField(_ key: String, of frontMatter: FrontMatter?, path: String) -> GrepFileResult {
        let facts = EntryFacts(path: path, entries: frontMatter?.entries ?? [])
        guard accepts(facts) else { return .filteredOut }
        guard let frontMatter else { return .searched(hits: [], invalidUTF8: false) }
        return .searched(hits: fieldHits(key, lines: frontMatter.lines, entries: frontMatter.entries, path: path), invalidUTF8: false)
    }

    /// The values of `key` among parsed `entries` that match.
    private func fieldHits(_ key: String, lines: [String], entries: [FrontMatterEntry], path: String) -> [GrepHit] {
        guard let entry = entries.first(where: { $0.key == key }) else { return [] }
        let facts = EntryFacts(path: path, entries: entries)
        var hits: [GrepHit] = []
        for (text, index) in Self.items(of: entry, lines: lines) {
            for line in matcher.matchingLines(in: text, everyMatch: everyMatch) {
                hits.append(GrepHit(path: path, line: 2 + index, text: line.text, highlights: line.highlights,
                                    field: key, kind: facts.kind, date: facts.date))
            }
        }
        return hits
    }

    /// Whether `needle` occurs in `haystack`.
    private static func contains(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
        var offset = 0
        while offset + needle.count <= haystack.count {
            guard let found = memchr(base + offset, Int32(first), haystack.count - needle.count + 1 - offset) else { return false }
            let at = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            if memcmp(base + at, needle, needle.count) == 0 { return true }
            offset = at + 1
        }
        return false
    }

    /// The front-matter lines, each with its terminator, as the scanner reads them.
    private static func lines(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [String] {
        var lines: [String] = []
        var start = range.lowerBound
        var index = start
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: "\n") {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...index]), as: UTF8.self))
                start = index + 1
            }
            index += 1
        }
        if start < range.upperBound {
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<range.upperBound]), as: UTF8.self))
        }
        return lines
    }

    /// The texts a value is searched as, each with the index of its front-matter line: a scalar
    /// on the key's line; list items one by one, on their own lines in a block list.
    private static func items(of entry: FrontMatterEntry, lines: [String]) -> [(String, Int)] {
        let keyLine = entry.lines.lowerBound
        switch entry.value {
        case .scalar(let scalar):
            return [(scalar.text, keyLine)]
        case .list(let items):
            let itemLines = entry.lines.dropFirst().filter { index in
                let content = FrontMatterScanner.trimmed(FrontMatterScanner.content(of: lines[index]))
                return content.utf8.first == UInt8(ascii: "-") && (content.utf8.count == 1 || content.utf8.dropFirst().first == 32 || content.utf8.dropFirst().first == 9)
            }
            let onOwnLines = itemLines.count == items.count
            return items.enumerated().map { offset, item in
                (item.scalar?.text ?? item.jsonObject.serialized(), onOwnLines ? itemLines[itemLines.startIndex + offset] : keyLine)
            }
        case .map:
            return [(entry.value.jsonObject.serialized(), keyLine)]
        }
    }
}
