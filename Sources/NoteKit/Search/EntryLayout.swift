/// Where an entry's front-matter and body lie in its bytes, found without parsing any YAML: a
/// body search only needs to know where the closing fence is.
///
/// Follows ``Note``'s reading: an optional UTF-8 byte order mark, an opening `---` line, and the
/// next `---` or `...` line closes (trailing blanks allowed). A file whose front-matter never
/// closes has none here and is searched whole: grep looks at text hearth cannot parse too.
struct EntryLayout {
    /// The bytes between the fences, nil when the file has no front-matter.
    var frontMatter: Range<Int>?
    /// Where the body starts.
    var bodyStart: Int
    /// The 1-based line number of the body's first line.
    var bodyFirstLine: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        frontMatter = nil
        bodyStart = start
        bodyFirstLine = 1
        guard let first = EntryLayout.lineEnd(in: bytes, from: start), EntryLayout.isFence(bytes, start, first, allowDots: false) else { return }
        var line = 2
        var lineStart = first + 1
        while lineStart < bytes.count {
            let end = EntryLayout.lineEnd(in: bytes, from: lineStart) ?? bytes.count
            if EntryLayout.isFence(bytes, lineStart, end, allowDots: true) {
                frontMatter = (first + 1)..<lineStart
                bodyStart = min(end + 1, bytes.count)
                bodyFirstLine = line + 1
                return
            }
            line += 1
            lineStart = end + 1
        }
    }

    /// The offset of the `\n` ending the line at `start`, nil when the line has none.
    private static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { return index }
            index += 1
        }
        return nil
    }

    /// `---` (or `...` when closing) with only blanks after it, before the line's `\r\n` or `\n`.
    private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, allowDots: Bool) -> Bool {
        var last = end
        if end < bytes.count, last > start, bytes[last - 1] == 13 { last -= 1 }
        while last > start, bytes[last - 1] == 32 || bytes[last - 1] == 9 { last -= 1 }
        guard last - start == 3 else { return false }
        let marker = bytes[start]
        guard marker == UInt8(ascii: "-") || (allowDots && marker == UInt8(ascii: ".")) else { return false }
        return bytes[start + 1] == marker && bytes[start + 2] == marker
    }
}
