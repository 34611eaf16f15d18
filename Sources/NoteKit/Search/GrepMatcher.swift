import Foundation
import Synchronization

/// A search pattern compiled for `hearth grep`: a POSIX extended regular expression (the syntax
/// of `grep -E`), matched line by line in UTF-8.
///
/// POSIX regular expressions through the C library, not Swift's `Regex` (far slower): `regexec`
/// runs over a whole file's bytes and stops only at matching lines (over 10,000 entries it adds
/// about a quarter to the time of reading the files); a file with `\r\n` endings is matched line
/// by line. One matcher is shared by every thread of a
/// scan; each thread borrows its own compiled copy.
public final class GrepMatcher: Sendable {
    /// The pattern as given.
    public let pattern: String
    /// Whether case is ignored (`-i`), for non-ASCII letters too.
    public let ignoreCase: Bool

    // Compiled copies not in use; a thread takes one and puts it back (see RegexPattern).
    private let idle = Mutex<[RegexPattern]>([])
    // The first compilation, kept back for a thread that cannot compile its own copy.
    private let primary: Mutex<RegexPattern>

    /// Compiles `pattern`.
    ///
    /// - Throws: ``GrepPatternError`` saying what is wrong in the pattern.
    public init(pattern: String, ignoreCase: Bool = false) throws(GrepPatternError) {
        self.pattern = pattern
        self.ignoreCase = ignoreCase
        let compiled = RegexLocale.run { Result { () throws(GrepPatternError) in try RegexPattern(pattern, ignoreCase: ignoreCase) } }
        primary = Mutex(try compiled.get())
    }

    /// The lines of `bytes[start...]` that match, numbered from `firstLine` (the number of the
    /// line starting at `start`, which must be the start of a line). Each line's highlights are
    /// all its matches when `everyMatch`, else only the first (which saves matching it again).
    /// A match lies within one line, as in grep, and a line ending in `\r\n` is matched without
    /// its `\r` (so `$` holds before it). Nothing past 2 GiB is found (the C library's offsets are
    /// 32 bits); ``GrepQuery`` refuses such files with a diagnostic.
    public func matchingLines(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, firstLine: Int = 1,
                              everyMatch: Bool = true) -> [GrepLine] {
        guard start < bytes.count else { return [] }
        // The region starts the string regexec sees, so `^` holds at `start` whatever precedes it
        // (a byte order mark, say).
        let bytes = UnsafeBufferPointer(rebasing: bytes[start...])
        guard let base = bytes.baseAddress else { return [] }
        // regexec's `$` holds only before `\n`: a file with a `\r` is matched line by line, each
        // line without its `\r`; the usual LF file in one pass over all its bytes.
        if memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) != nil {
            return withPattern { regex in Self.linesOneByOne(regex, bytes: bytes, firstLine: firstLine, everyMatch: everyMatch) }
        }
        let end = bytes.count
        return withPattern { regex in
            var lines: [GrepLine] = []
            var offset = 0
            var lineNumber = firstLine
            var counted = 0  // newlines before `counted` are in `lineNumber`
            while offset < end {
                guard let (match, lineStart, lineEnd) = Self.firstMatchInALine(regex, bytes: bytes, from: offset) else { break }
                lineNumber += Self.newlines(in: bytes, from: counted, to: lineStart)
                counted = lineStart
                var ranges = [match]
                // Further matches on the same line, for highlighting; an empty match moves one on.
                var next = match.isEmpty ? match.upperBound + 1 : match.upperBound
                while everyMatch, next <= lineEnd, let more = regex.firstMatch(in: base, from: next, to: lineEnd, notBOL: true) {
                    ranges.append(more)
                    next = more.isEmpty ? more.upperBound + 1 : more.upperBound
                }
                lines.append(Self.line(number: lineNumber, bytes: bytes, start: lineStart, end: lineEnd, matches: ranges))
                offset = lineEnd + 1
            }
            return lines
        }
    }

    /// Whether the pattern matches within a line of `bytes` (for a binary file, which is not shown).
    public func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        return withPattern { Self.firstMatchInALine($0, bytes: bytes, from: 0) != nil }
    }

    /// The first match from `offset` (the start of a line) on that lies within one line, with
    /// the bounds of that line (its end is the `\n` or the end of the bytes).
    ///
    /// `\s`, `[[:space:]]` and the like match `\n` even with REG_NEWLINE, so a match over the
    /// whole bytes may run into the next line: then its first line alone is searched, and the
    /// search goes on from the line after.
    private static func firstMatchInALine(_ regex: RegexPattern, bytes: UnsafeBufferPointer<UInt8>,
                                          from offset: Int) -> (Range<Int>, Int, Int)? {
        guard let base = bytes.baseAddress else { return nil }
        let end = bytes.count
        var offset = offset
        while offset < end {
            guard let match = regex.firstMatch(in: base, from: offset, to: end) else { return nil }
            // An empty match after the final newline (`^$`) is on no line of the file.
            if match.lowerBound == end && bytes[end - 1] == UInt8(ascii: "\n") { return nil }
            let lineStart = lineStart(before: match.lowerBound, in: bytes, notBefore: offset)
            let lineEnd = lineEnd(from: match.lowerBound, in: bytes)
            if match.upperBound <= lineEnd { return (match, lineStart, lineEnd) }
            if let inside = regex.firstMatch(in: base, from: lineStart, to: lineEnd) { return (inside, lineStart, lineEnd) }
            offset = lineEnd + 1
        }
        return nil
    }

    /// The matching lines, each line searched on its own without its `\r\n` or `\n`.
    private static func linesOneByOne(_ regex: RegexPattern, bytes: UnsafeBufferPointer<UInt8>, firstLine: Int,
                                      everyMatch: Bool) -> [GrepLine] {
        guard let base = bytes.baseAddress else { return [] }
        var lines: [GrepLine] = []
        var lineStart = 0
        var lineNumber = firstLine
        while lineStart < bytes.count {
            let lineEnd = lineEnd(from: lineStart, in: bytes)
            var contentEnd = lineEnd
            if contentEnd > lineStart && bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            if let match = regex.firstMatch(in: base, from: lineStart, to: contentEnd) {
                var ranges = [match]
                var next = match.isEmpty ? match.upperBound + 1 : match.upperBound
                while everyMatch, next <= contentEnd, let more = regex.firstMatch(in: base, from: next, to: contentEnd, notBOL: true) {
                    ranges.append(more)
                    next = more.isEmpty ? more.upperBound + 1 : more.upperBound
                }
                lines.append(line(number: lineNumber, bytes: bytes, start: lineStart, end: lineEnd, matches: ranges))
            }
            lineNumber += 1
            lineStart = lineEnd + 1
        }
        return lines
    }

    /// The matching lines of a text (a front-matter value), numbered from 1.
    public func matchingLines(in text: String, everyMatch: Bool = true) -> [GrepLine] {
        var text = text
        return text.withUTF8 { matchingLines(in: $0, everyMatch: everyMatch) }
    }

    /// Runs `body` with a compiled copy no other thread is using, in the UTF-8 locale.
    private func withPattern<Result>(_ body: (RegexPattern) -> Result) -> Result {
        let borrowed = idle.withLock { $0.popLast() }
        return RegexLocale.run {
            // Compiling again fails only without memory; then threads take turns with the first copy.
            guard let regex = borrowed ?? (try? RegexPattern(pattern, ignoreCase: ignoreCase)) else {
                var result: Result?
                primary.withLock { result = body($0) }
                return result!
            }
            defer { idle.withLock { $0.append(regex) } }
            return body(regex)
        }
    }

    // MARK: - Lines in bytes

    private static func lineStart(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>, notBefore floor: Int) -> Int {
        var index = offset
        while index > floor && bytes[index - 1] != UInt8(ascii: "\n") { index -= 1 }
        return index
    }

    private static func lineEnd(from offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard offset < bytes.count, let base = bytes.baseAddress else { return bytes.count }
        guard let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), bytes.count - offset) else { return bytes.count }
        return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    private static func newlines(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: "\n") { count += 1 }
            index += 1
        }
        return count
    }

    /// The line's text (without `\r\n` or `\n`) and its matches as offsets into the text, decoded
    /// piece by piece so that offsets stay right when invalid bytes become U+FFFD.
    private static func line(number: Int, bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, matches: [Range<Int>]) -> GrepLine {
        var contentEnd = end
        if contentEnd > start && bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
        var text = ""
        var highlights: [Range<Int>] = []
        var cursor = start
        func append(upTo limit: Int) {
            let upper = min(max(limit, cursor), contentEnd)
            if upper > cursor { text += String(decoding: UnsafeBufferPointer(rebasing: bytes[cursor..<upper]), as: UTF8.self) }
            cursor = max(cursor, upper)
        }
        for match in matches where !match.isEmpty && match.lowerBound < contentEnd {
            append(upTo: match.lowerBound)
            let from = text.utf8.count
            append(upTo: match.upperBound)
            if text.utf8.count > from { highlights.append(from..<text.utf8.count) }
        }
        append(upTo: contentEnd)
        return GrepLine(number: number, text: text, highlights: highlights)
    }
}
