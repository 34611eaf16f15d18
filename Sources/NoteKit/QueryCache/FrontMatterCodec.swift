import Foundation

/// How the query cache keeps one parsed entry: the bytes before its body (byte order mark,
/// fences and front-matter lines, exactly as read), the body's `#tags`, and the front-matter's
/// entries with their values, so a hit rebuilds the ``Note`` without reading YAML again, and
/// `list --tag` and `hearth tags` read no body.
///
/// Layout (little-endian): `hasFrontMatter: u8`, `crlf: u8`, the head (`u32` length + bytes), the
/// body's tags (``Note/bodyTags``: `u32` count + `u32` length and bytes each), the fields as
/// `list --json` writes them (`Note.jsonFields(bodyTags:)`: `u8` 1 and the text, or `u8` 0 when
/// they are rendered each time); with
/// front-matter, the byte-order-mark, opening and closing fence lengths (`u32` each), the line
/// lengths (`u32` count + `u32` each), then the entries (`u32` count; key, first and end line
/// `u32`, value). A value is a tag byte: 0-3 a scalar of that ``YAMLScalar/Style`` followed by
/// its text, 4 a list (`u32` count + values), 5 a map (`u32` count + key and value pairs).
enum FrontMatterCodec {
    /// The encoding of `note`, parsed from a file.
    static func encode(_ note: Note) -> [UInt8] {
        var writer = CacheByteWriter(capacity: 512)
        let fences = note.fences
        let bodyTags = note.bodyTags
        guard let frontMatter = note.frontMatter else {
            writer.integer(UInt8(0))
            writer.integer(UInt8(0))
            writer.string(fences.prefix)
            encode(bodyTags, into: &writer)
            encode(jsonFields: note.cacheableJSONFields, into: &writer)
            return writer.bytes
        }
        writer.integer(UInt8(1))
        writer.integer(UInt8(frontMatter.newline == "\r\n" ? 1 : 0))
        writer.string(fences.prefix + fences.opening + frontMatter.text + fences.closing)
        encode(bodyTags, into: &writer)
        encode(jsonFields: note.cacheableJSONFields, into: &writer)
        writer.integer(UInt32(fences.prefix.utf8.count))
        writer.integer(UInt32(fences.opening.utf8.count))
        writer.integer(UInt32(fences.closing.utf8.count))
        writer.integer(UInt32(frontMatter.lines.count))
        for line in frontMatter.lines { writer.integer(UInt32(line.utf8.count)) }
        writer.integer(UInt32(frontMatter.entries.count))
        for entry in frontMatter.entries {
            writer.string(entry.key)
            writer.integer(UInt32(entry.lines.lowerBound))
            writer.integer(UInt32(entry.lines.upperBound))
            encode(entry.value, into: &writer)
        }
        return writer.bytes
    }

    private static func encode(_ bodyTags: [String], into writer: inout CacheByteWriter) {
        writer.integer(UInt32(bodyTags.count))
        for tag in bodyTags { writer.string(tag) }
    }

    private static func encode(jsonFields: String?, into writer: inout CacheByteWriter) {
        guard let jsonFields else { return writer.integer(UInt8(0)) }
        writer.integer(UInt8(1))
        writer.string(jsonFields)
    }

    /// The recorded fields' text (nil inside when none was recorded); nil when damaged.
    private static func readJSONFields(_ reader: inout CacheByteReader) -> String?? {
        switch reader.integer(UInt8.self) {
        case 0: return .some(nil)
        case 1: return reader.string().map { .some($0) }
        default: return nil
        }
    }

    private static func skipJSONFields(_ reader: inout CacheByteReader) -> Bool {
        switch reader.integer(UInt8.self) {
        case 0: return true
        case 1: return reader.stringRange() != nil
        default: return false
        }
    }

    /// The body tags an encoding recorded; nil when it is damaged.
    static func bodyTags(_ data: UnsafeRawBufferPointer, _ range: Range<Int>) -> [String]? {
        var reader = CacheByteReader(data, range: range)
        guard reader.integer(UInt8.self) != nil, reader.integer(UInt8.self) != nil, reader.stringRange() != nil else { return nil }
        return readBodyTags(&reader)
    }

    private static func readBodyTags(_ reader: inout CacheByteReader) -> [String]? {
        guard let count = reader.integer(UInt32.self), Int(count) <= reader.end - reader.offset else { return nil }
        var tags: [String] = []
        tags.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let tag = reader.string() else { return nil }
            tags.append(tag)
        }
        return tags
    }

    private static func skipBodyTags(_ reader: inout CacheByteReader) -> Bool {
        guard let count = reader.integer(UInt32.self), Int(count) <= reader.end - reader.offset else { return false }
        for _ in 0..<count {
            guard reader.stringRange() != nil else { return false }
        }
        return true
    }

    private static func encode(_ value: YAMLValue, into writer: inout CacheByteWriter) {
        switch value {
        case .scalar(let scalar):
            let tag: UInt8 = switch scalar.style {
            case .plain: 0
            case .singleQuoted: 1
            case .doubleQuoted: 2
            case .block: 3
            }
            writer.integer(tag)
            writer.string(scalar.text)
        case .list(let items):
            writer.integer(UInt8(4))
            writer.integer(UInt32(items.count))
            for item in items { encode(item, into: &writer) }
        case .map(let pairs):
            writer.integer(UInt8(5))
            writer.integer(UInt32(pairs.count))
            for pair in pairs {
                writer.string(pair.key)
                encode(pair.value, into: &writer)
            }
        }
    }

    /// Where the head lies in an encoding, and whether the entry has front-matter.
    static func head(_ data: UnsafeRawBufferPointer, _ range: Range<Int>) -> (bytes: Range<Int>, hasFrontMatter: Bool)? {
        var reader = CacheByteReader(data, range: range)
        guard let flag = reader.integer(UInt8.self), reader.integer(UInt8.self) != nil, let head = reader.stringRange() else { return nil }
        return (head, flag == 1)
    }

    /// The note an encoding describes, with `body` after the front-matter, or listed without its
    /// body (carrying the body tags the encoding recorded) when `body` is nil; nil when the
    /// encoding is damaged.
    static func decode(_ data: UnsafeRawBufferPointer, _ range: Range<Int>, path: String, body: String?) -> Note? {
        var reader = CacheByteReader(data, range: range)
        guard let flag = reader.integer(UInt8.self), let crlf = reader.integer(UInt8.self), let head = reader.stringRange() else { return nil }
        let listedTags: [String]?
        let jsonFields: String?
        if body == nil {
            guard let tags = readBodyTags(&reader), let fields = readJSONFields(&reader) else { return nil }
            listedTags = tags
            jsonFields = fields
        } else {
            guard skipBodyTags(&reader), skipJSONFields(&reader) else { return nil }
            listedTags = nil
            jsonFields = nil
        }
        func finished(_ note: Note) -> Note { listedTags.map { note.listed(bodyTags: $0, jsonFields: jsonFields) } ?? note }
        guard flag == 1 else {
            guard reader.offset == reader.end else { return nil }
            return finished(Note(path: path, prefix: reader.text(head), openingFence: "", frontMatter: nil, closingFence: "", body: body ?? ""))
        }
        guard let prefixLength = reader.integer(UInt32.self), let openingLength = reader.integer(UInt32.self),
              let closingLength = reader.integer(UInt32.self), let lineCount = reader.integer(UInt32.self),
              Int(lineCount) <= reader.end - reader.offset else { return nil }
        var cursor = head.lowerBound
        func take(_ length: UInt32) -> String? {
            let next = cursor + Int(length)
            guard next <= head.upperBound else { return nil }
            defer { cursor = next }
            return reader.text(cursor..<next)
        }
        guard let prefix = take(prefixLength), let opening = take(openingLength) else { return nil }
        var lines: [String] = []
        lines.reserveCapacity(Int(lineCount))
        for _ in 0..<lineCount {
            guard let length = reader.integer(UInt32.self), let line = take(length) else { return nil }
            lines.append(line)
        }
        guard let closing = take(closingLength), cursor == head.upperBound,
              let entryCount = reader.integer(UInt32.self), Int(entryCount) <= reader.end - reader.offset else { return nil }
        var entries: [FrontMatterEntry] = []
        entries.reserveCapacity(Int(entryCount))
        for _ in 0..<entryCount {
            guard let key = reader.string(), let lower = reader.integer(UInt32.self), let upper = reader.integer(UInt32.self),
                  lower <= upper, upper <= lineCount, let value = decodeValue(&reader, depth: 0) else { return nil }
            entries.append(FrontMatterEntry(key: key, value: value, lines: Int(lower)..<Int(upper)))
        }
        guard reader.offset == reader.end else { return nil }
        let frontMatter = FrontMatter(lines: lines, entries: entries, newline: crlf == 1 ? "\r\n" : "\n", firstLine: 2)
        return finished(Note(path: path, prefix: prefix, openingFence: opening, frontMatter: frontMatter, closingFence: closing, body: body ?? ""))
    }

    /// A note holding only the entries whose key is one of `keys` (no lines, no body), and with
    /// `bodyTags` the body tags recorded: enough for a query that reads only those to decide, at
    /// a fraction of a whole decode.
    static func decodeEntries(_ data: UnsafeRawBufferPointer, _ range: Range<Int>, path: String, keys: EntryKeySet, bodyTags: Bool) -> Note? {
        decodeEntries(data, range, path: path, keys: keys, bodyTags: bodyTags, row: false)
    }

    /// ``decodeEntries(_:_:path:keys:bodyTags:)`` carrying the fields `list --json` prints, as
    /// recorded (and the body tags, which a row may print too); nil when none were recorded.
    static func decodeRow(_ data: UnsafeRawBufferPointer, _ range: Range<Int>, path: String, keys: EntryKeySet, bodyTags: Bool) -> Note? {
        decodeEntries(data, range, path: path, keys: keys, bodyTags: bodyTags, row: true)
    }

    private static func decodeEntries(_ data: UnsafeRawBufferPointer, _ range: Range<Int>, path: String, keys: EntryKeySet, bodyTags: Bool,
                                      row: Bool) -> Note? {
        var reader = CacheByteReader(data, range: range)
        guard let flag = reader.integer(UInt8.self), reader.integer(UInt8.self) != nil, reader.stringRange() != nil else { return nil }
        var listedTags: [String]?
        if bodyTags || row {
            guard let tags = readBodyTags(&reader) else { return nil }
            listedTags = tags
        } else {
            guard skipBodyTags(&reader) else { return nil }
        }
        var jsonFields: String?
        if row {
            guard let fields = readJSONFields(&reader), let fields else { return nil }
            jsonFields = fields
        } else {
            guard skipJSONFields(&reader) else { return nil }
        }
        func finished(_ note: Note) -> Note { listedTags.map { note.listed(bodyTags: $0, jsonFields: jsonFields) } ?? note }
        guard flag == 1 else { return finished(Note(path: path, frontMatter: nil, body: "")) }
        guard reader.skip(12) != nil, let lineCount = reader.integer(UInt32.self), reader.skip(4 * Int(lineCount)) != nil,
              let entryCount = reader.integer(UInt32.self) else { return nil }
        var entries: [FrontMatterEntry] = []
        for _ in 0..<entryCount {
            guard let key = reader.stringRange(), let lower = reader.integer(UInt32.self), let upper = reader.integer(UInt32.self),
                  lower <= upper else { return nil }
            if keys.contains(data, key) {
                guard let value = decodeValue(&reader, depth: 0) else { return nil }
                entries.append(FrontMatterEntry(key: reader.text(key), value: value, lines: Int(lower)..<Int(upper)))
            } else {
                guard skipValue(&reader, depth: 0) else { return nil }
            }
        }
        return finished(Note(path: path, prefix: "", openingFence: "", frontMatter: FrontMatter(lines: [], entries: entries, newline: "\n", firstLine: 2),
                             closingFence: "", body: ""))
    }

    private static func skipValue(_ reader: inout CacheByteReader, depth: Int) -> Bool {
        guard depth < 64, let tag = reader.integer(UInt8.self) else { return false }
        switch tag {
        case 0...3:
            return reader.stringRange() != nil
        case 4, 5:
            guard let count = reader.integer(UInt32.self), Int(count) <= reader.end - reader.offset else { return false }
            for _ in 0..<count {
                if tag == 5 { guard reader.stringRange() != nil else { return false } }
                guard skipValue(&reader, depth: depth + 1) else { return false }
            }
            return true
        default:
            return false
        }
    }

    private static func decodeValue(_ reader: inout CacheByteReader, depth: Int) -> YAMLValue? {
        // Nesting as deep as this is damage, not front-matter; the bound keeps the stack safe.
        guard depth < 64, let tag = reader.integer(UInt8.self) else { return nil }
        switch tag {
        case 0...3:
            guard let text = reader.string() else { return nil }
            let style: YAMLScalar.Style = switch tag {
            case 0: .plain
            case 1: .singleQuoted
            case 2: .doubleQuoted
            default: .block
            }
            return .scalar(YAMLScalar(text, style: style))
        case 4:
            guard let count = reader.integer(UInt32.self), Int(count) <= reader.end - reader.offset else { return nil }
            var items: [YAMLValue] = []
            items.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let item = decodeValue(&reader, depth: depth + 1) else { return nil }
                items.append(item)
            }
            return .list(items)
        case 5:
            guard let count = reader.integer(UInt32.self), Int(count) <= reader.end - reader.offset else { return nil }
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let key = reader.string(), let value = decodeValue(&reader, depth: depth + 1) else { return nil }
                pairs.append(YAMLPair(key: key, value: value))
            }
            return .map(pairs)
        default:
            return nil
        }
    }
}
