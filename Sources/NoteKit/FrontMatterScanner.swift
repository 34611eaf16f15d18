/// Splits front-matter lines into top-level entries and reads their values.
///
/// This is the hot path of every query, so the flat YAML that entries use (`key: scalar`,
/// `key: [a, b]`, block lists, comments) is read directly from UTF-8 bytes; anything richer
/// (nested maps, block scalars, anchors, multi-line strings) goes to ``YamsReader``.
struct FrontMatterScanner {
    let path: String
    let firstLine: Int

    private struct Pending {
        var key: String
        var start: Int
        var end: Int
        var inline: Substring
        var keyLine: Substring
    }

    /// The entries of a front-matter block, read line by line; valid YAML that the lines alone
    /// cannot split (an alias to another key's anchor, explicit `? key` entries, keys all indented
    /// alike) is read as one document instead, and anything else keeps the line's diagnostic.
    func scan(_ lines: [String]) throws(Diagnostic) -> [FrontMatterEntry] {
        do {
            return try scanLines(lines)
        } catch {
            guard let entries = try? YamsReader.document(lines, path: path, firstLine: firstLine) else { throw error }
            return entries
        }
    }

    private func scanLines(_ lines: [String]) throws(Diagnostic) -> [FrontMatterEntry] {
        var entries: [FrontMatterEntry] = []
        var current: Pending?

        func finish(_ pending: Pending) throws(Diagnostic) {
            // A linear search: entries have a dozen keys, and hashing every key of every file
            // showed up in profiles of `hearth list`.
            if let earlier = entries.first(where: { $0.key == pending.key }) {
                throw Diagnostic(path: path, line: firstLine + pending.start,
                                 message: "key '\(pending.key)' appears twice (first on line \(firstLine + earlier.lines.lowerBound))",
                                 hint: "keep one of the two lines")
            }
            let value = try readValue(pending, lines: lines)
            entries.append(FrontMatterEntry(key: pending.key, value: value, lines: pending.start..<pending.end))
        }

        for (index, raw) in lines.enumerated() {
            let line = FrontMatterScanner.content(of: raw)
            guard let first = line.utf8.first else { continue }  // blank
            if FrontMatterScanner.isBlank(line) { continue }
            if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                guard current != nil else {
                    if line.utf8.drop(while: { $0 == 32 || $0 == 9 }).first == UInt8(ascii: "#") { continue }
                    throw Diagnostic(path: path, line: firstLine + index,
                                     message: "indented line with no key above it",
                                     hint: "front-matter lines look like 'key: value'")
                }
                current!.end = index + 1
                continue
            }
            if first == UInt8(ascii: "#") { continue }
            if first == UInt8(ascii: "-"), current != nil,
               line.utf8.count == 1 || line.utf8.dropFirst().first == 32 || line.utf8.dropFirst().first == 9 {
                // A block list written at column 0 (`tags:` then `- a`), which YAML allows.
                current!.end = index + 1
                continue
            }
            guard let (key, rest) = FrontMatterScanner.splitKey(line) else {
                throw Diagnostic(path: path, line: firstLine + index,
                                 message: "expected 'key: value', found '\(line.prefix(60))'",
                                 hint: "fix the line or move it below the closing '---'")
            }
            if let pending = current { try finish(pending) }
            current = Pending(key: key, start: index, end: index + 1, inline: rest, keyLine: line)
        }
        if let pending = current { try finish(pending) }
        return entries
    }

    // MARK: - Values

    private func readValue(_ entry: Pending, lines: [String]) throws(Diagnostic) -> YAMLValue {
        let inline = FrontMatterScanner.stripComment(entry.inline)
        if entry.end - entry.start == 1 {
            if let value = FrontMatterScanner.inlineValue(inline) { return value }
        } else if inline.isEmpty, let list = blockList(lines[(entry.start + 1)..<entry.end]) {
            return .list(list)
        }
        // Blank lines after a block scalar are part of its value with `|+`/`>+` (keep chomping),
        // though not part of the entry's lines, so Yams must see them to read the value right.
        var valueEnd = entry.end
        if let indicator = inline.utf8.first, indicator == UInt8(ascii: "|") || indicator == UInt8(ascii: ">") {
            while valueEnd < lines.count, FrontMatterScanner.isBlank(FrontMatterScanner.content(of: lines[valueEnd])) {
                valueEnd += 1
            }
        }
        return try YamsReader.value(ofEntry: lines[entry.start..<valueEnd].joined(), key: entry.key,
                                    path: path, firstLine: firstLine + entry.start)
    }

    /// `- item` lines at one indentation, each a simple scalar; nil means "ask Yams".
    private func blockList(_ lines: ArraySlice<String>) -> [YAMLValue]? {
        var items: [YAMLValue] = []
        var indent: Int?
        for raw in lines {
            let line = FrontMatterScanner.content(of: raw)
            if FrontMatterScanner.isBlank(line) { continue }
            let spaces = line.utf8.prefix { $0 == 32 }.count
            let rest = line.dropFirst(spaces)
            if rest.utf8.first == UInt8(ascii: "#") { continue }
            guard rest.utf8.first == UInt8(ascii: "-") else { return nil }
            // `-x` or `-5` is a plain scalar continuing the value, not a list item.
            if let second = rest.utf8.dropFirst().first, second != 32 && second != 9 { return nil }
            if let indent, indent != spaces { return nil }
            indent = spaces
            let text = FrontMatterScanner.stripComment(FrontMatterScanner.trimmed(rest.dropFirst()))
            if text.isEmpty { items.append(.null); continue }
            guard let value = FrontMatterScanner.inlineValue(text), value.scalar != nil else { return nil }
            items.append(value)
        }
        return items
    }

    /// A one-line value: empty, plain, quoted or a simple flow list; nil means "ask Yams".
    static func inlineValue(_ text: Substring) -> YAMLValue? {
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "["):
            guard text.utf8.last == UInt8(ascii: "]") else { return nil }
            return flowList(text.dropFirst().dropLast())
        case UInt8(ascii: "\""):
            return doubleQuoted(text).map { .scalar(YAMLScalar($0, style: .doubleQuoted)) }
        case UInt8(ascii: "'"):
            return singleQuoted(text).map { .scalar(YAMLScalar($0, style: .singleQuoted)) }
        default:
            return plain(text).map { .scalar(YAMLScalar($0)) }
        }
    }

    /// A plain scalar, or nil when it uses syntax only a full parser should judge.
    static func plain(_ text: Substring) -> String? {
        guard let first = text.utf8.first else { return "" }
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: "&"), UInt8(ascii: "*"),
             UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"), UInt8(ascii: ","):
            return nil
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
            let second = text.utf8.dropFirst().first
            if second == nil || second == 32 || second == 9 { return nil }
        default: break
        }
        var previous: UInt8 = 0
        for byte in text.utf8 {
            // `: ` inside a plain scalar is a YAML error; `#` after a space was already a comment.
            if previous == UInt8(ascii: ":") && (byte == 32 || byte == 9) { return nil }
            previous = byte
        }
        if previous == UInt8(ascii: ":") { return nil }
        return String(text)
    }

    private static func flowList(_ inner: Substring) -> YAMLValue? {
        var items: [YAMLValue] = []
        var rest = trimmed(inner)
        if rest.isEmpty { return .list([]) }
        while true {
            let itemText: Substring
            if let first = rest.utf8.first, first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
                guard let end = quotedEnd(rest) else { return nil }
                itemText = rest[..<end]
                rest = trimmed(rest[end...])
            } else if let comma = rest.firstIndex(of: ",") {
                itemText = trimmed(rest[..<comma])
                rest = rest[comma...]
            } else {
                itemText = trimmed(rest)
                rest = rest[rest.endIndex...]
            }
            if itemText.isEmpty { return nil }
            if let first = itemText.utf8.first, first == UInt8(ascii: "[") || first == UInt8(ascii: "{") { return nil }
            guard let value = inlineValue(itemText), value.scalar != nil else { return nil }
            items.append(value)
            if rest.isEmpty { break }
            guard rest.utf8.first == UInt8(ascii: ",") else { return nil }
            rest = trimmed(rest.dropFirst())
            if rest.isEmpty { break }  // trailing comma, which YAML allows
        }
        return .list(items)
    }

    /// The index just past the closing quote of a quoted scalar starting at `text.startIndex`.
    private static func quotedEnd(_ text: Substring) -> Substring.Index? {
        let utf8 = text.utf8
        let quote = utf8.first!
        var index = utf8.index(after: utf8.startIndex)
        while index < utf8.endIndex {
            let byte = utf8[index]
            if quote == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") {
                index = utf8.index(after: index)
                if index < utf8.endIndex { index = utf8.index(after: index) }
                continue
            }
            if byte == quote {
                let next = utf8.index(after: index)
                if quote == UInt8(ascii: "'"), next < utf8.endIndex, utf8[next] == quote {
                    index = utf8.index(after: next)
                    continue
                }
                return next
            }
            index = utf8.index(after: index)
        }
        return nil
    }

    private static func doubleQuoted(_ text: Substring) -> String? {
        guard let end = quotedEnd(text), trimmed(text[end...]).isEmpty else { return nil }
        let inner = quotedInner(text, end: end)
        guard inner.contains("\\") else { return String(inner) }
        var out = ""
        var scalars = inner.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else { out.unicodeScalars.append(scalar); continue }
            guard let escape = scalars.next() else { return nil }
            switch escape {
            case "\\": out += "\\"
            case "\"": out += "\""
            case "/": out += "/"
            case "n": out += "\n"
            case "t": out += "\t"
            case "r": out += "\r"
            case "0": out += "\0"
            case " ": out += " "
            case "x", "u", "U":
                let count = escape == "x" ? 2 : escape == "u" ? 4 : 8
                var hex = ""
                for _ in 0..<count {
                    guard let digit = scalars.next() else { return nil }
                    hex.unicodeScalars.append(digit)
                }
                guard let code = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(code) else { return nil }
                out.unicodeScalars.append(decoded)
            default: return nil  // rarer escapes: let Yams decide
            }
        }
        return out
    }

    private static func singleQuoted(_ text: Substring) -> String? {
        guard let end = quotedEnd(text), trimmed(text[end...]).isEmpty else { return nil }
        let inner = quotedInner(text, end: end)
        return inner.replacingOccurrences(of: "''", with: "'")
    }

    /// What lies between the quotes, cut by scalars: a combining mark after the opening quote
    /// makes one Character with it, and stepping by Characters dropped the mark (found by fuzzing).
    private static func quotedInner(_ text: Substring, end: Substring.Index) -> Substring {
        let scalars = text.unicodeScalars
        return Substring(scalars[scalars.index(after: scalars.startIndex)..<scalars.index(before: end)])
    }

    // MARK: - Lines

    /// The line without its terminator.
    static func content(of raw: String) -> Substring {
        var line = Substring(raw)
        if line.utf8.last == UInt8(ascii: "\n") { line = Substring(line.utf8.dropLast()) }
        if line.utf8.last == UInt8(ascii: "\r") { line = Substring(line.utf8.dropLast()) }
        return line
    }

    static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy { $0 == 32 || $0 == 9 }
    }

    static func trimmed(_ text: Substring) -> Substring {
        let utf8 = text.utf8
        guard let start = utf8.firstIndex(where: { $0 != 32 && $0 != 9 }) else { return text[text.endIndex...] }
        let end = utf8.lastIndex(where: { $0 != 32 && $0 != 9 })!
        return Substring(utf8[start...end])
    }

    /// A quoted key at the start of `text` (`"my key"`, `'it''s'`), decoded as a front-matter
    /// line's key is, and the text after its closing quote; nil when `text` starts with no
    /// closed, well-formed quoted scalar.
    static func quotedKey(_ text: Substring) -> (key: String, rest: Substring)? {
        guard let first = text.utf8.first, first == UInt8(ascii: "\"") || first == UInt8(ascii: "'"),
              let end = quotedEnd(text) else { return nil }
        let keyText = text[..<end]
        guard let key = first == UInt8(ascii: "\"") ? doubleQuoted(keyText) : singleQuoted(keyText) else { return nil }
        return (key, text[end...])
    }

    /// Splits `key: rest` at the first `:` followed by a blank or the end; nil when the line
    /// is not a mapping entry.
    static func splitKey(_ line: Substring) -> (String, Substring)? {
        let utf8 = line.utf8
        if let first = utf8.first, first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard let end = quotedEnd(line), utf8[end...].first == UInt8(ascii: ":") else { return nil }
            let keyText = line[..<end]
            guard let key = (first == UInt8(ascii: "\"") ? doubleQuoted(keyText) : singleQuoted(keyText)) else { return nil }
            let afterColon = utf8.index(after: end)
            guard afterColon == utf8.endIndex || utf8[afterColon] == 32 || utf8[afterColon] == 9 else { return nil }
            return (key, trimmed(Substring(utf8[afterColon...])))
        }
        // Every line of every entry passes here, so the bytes are scanned through a buffer
        // pointer rather than String indices (a tenth of `hearth list`'s time before). A string
        // without contiguous UTF-8 (rare on Linux) is copied once and scanned the same way.
        let search = utf8.withContiguousStorageIfAvailable(keyColonOffset)
            ?? Array(utf8).withUnsafeBufferPointer(keyColonOffset)
        guard let colonOffset = search else { return nil }
        let colon = utf8.index(utf8.startIndex, offsetBy: colonOffset)
        let key = trimmed(Substring(utf8[utf8.startIndex..<colon]))
        guard !key.isEmpty else { return nil }
        return (String(key), trimmed(Substring(utf8[utf8.index(after: colon)...])))
    }

    /// The offset of the first `:` followed by a blank or the end, nil when a ` #` comment
    /// starts before it or there is none.
    private static func keyColonOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var previous: UInt8 = 0
        for offset in bytes.indices {
            let byte = bytes[offset]
            // ` #` starts a comment even before the colon, so the line has no key.
            if byte == UInt8(ascii: "#") && (previous == 32 || previous == 9) { return nil }
            if byte == UInt8(ascii: ":") {
                let next = offset + 1
                if next == bytes.count || bytes[next] == 32 || bytes[next] == 9 { return offset }
            }
            previous = byte
        }
        return nil
    }

    /// Removes a trailing ` # comment` outside quotes.
    static func stripComment(_ text: Substring) -> Substring {
        guard let start = commentStart(text) else { return text }
        return trimmed(text[..<start])
    }

    /// The `# comment` at the end of a one-line entry with the blanks before it (`  # tired`), to
    /// carry over unchanged when the value changes.
    static func trailingComment(of raw: String) -> String? {
        let line = content(of: raw)
        guard let (_, rest) = splitKey(line), let start = commentStart(rest) else { return nil }
        let utf8 = line.utf8
        var begin = start
        while begin > utf8.startIndex, utf8[utf8.index(before: begin)] == 32 || utf8[utf8.index(before: begin)] == 9 {
            begin = utf8.index(before: begin)
        }
        return String(line[begin...])
    }

    /// The key exactly as written at the start of an entry's line (`energy`, `'my key'`), so an
    /// edit keeps its quoting; nil when the line is not a mapping entry.
    static func keyText(of raw: String) -> String? {
        let line = content(of: raw)
        guard let (_, rest) = splitKey(line) else { return nil }
        // `rest` starts after the separator's blanks; the colon is the last `:` before them.
        let utf8 = line.utf8
        var colon = rest.startIndex
        while colon > utf8.startIndex {
            colon = utf8.index(before: colon)
            if utf8[colon] == UInt8(ascii: ":") { return String(line[..<colon]) }
        }
        return nil
    }

    /// Where a ` # comment` starts in a value, skipping `#` inside quoted scalars.
    ///
    /// A quote opens a quoted scalar only where a scalar starts: at the start of the value, or after
    /// `[`, `{`, `,` or `:` inside a flow collection. Elsewhere (`a 'b # c'`) it is an ordinary
    /// character of a plain scalar, and the `#` after it does start a comment.
    private static func commentStart(_ text: Substring) -> Substring.Index? {
        let utf8 = text.utf8
        let flow = utf8.first == UInt8(ascii: "[") || utf8.first == UInt8(ascii: "{")
        var quote: UInt8 = 0
        var previous: UInt8 = 32
        var atScalarStart = true
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if quote != 0 {
                if byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                    index = utf8.index(after: index)
                    if index < utf8.endIndex { index = utf8.index(after: index) }
                    previous = 0
                    continue
                }
                if byte == quote {
                    let next = utf8.index(after: index)
                    // `''` inside a single-quoted scalar is an escaped quote, not its end.
                    if quote == UInt8(ascii: "'"), next < utf8.endIndex, utf8[next] == quote {
                        index = utf8.index(after: next)
                        previous = 0
                        continue
                    }
                    quote = 0
                }
            } else if byte == UInt8(ascii: "#") && (previous == 32 || previous == 9) {
                return index
            } else if (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) && atScalarStart {
                quote = byte
            }
            if quote == 0 && byte != 32 && byte != 9 {
                atScalarStart = flow && (byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")
                                         || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":"))
            } else if quote != 0 {
                atScalarStart = false
            }
            previous = byte
            index = utf8.index(after: index)
        }
        return nil
    }
}
