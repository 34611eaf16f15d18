import Foundation
import NoteKit
@testable import MergeKit
import Testing

/// `EntryComparison.bodyLines` finds the lines two bodies share at their start and end on the
/// bytes before it diffs the rest (issue 13, `hearth log ENTRY`): its answer must be the one the
/// diff of every line gives, whatever the bodies: repeated lines, an unterminated last line,
/// CRLF, canonically equivalent text in other bytes (`é` as one scalar or two, which Swift's
/// strings call equal), and invalid UTF-8 read as U+FFFD.
@Suite struct BodyLinesTrimmingTests {
    /// The comparison as it was before the trimming: a string per line, every line diffed.
    static func untrimmed(from old: String, to new: String) -> [BodyLine] {
        guard old != new else { return [] }
        let oldLines = TextLines.split(old)
        let newLines = TextLines.split(new)
        var interner = TextLines.Interner()
        let newline = TextLines.newline(of: old) ?? TextLines.newline(of: new) ?? "\n"
        let hunks = LineDiff.hunks(interner.ids(oldLines, newline: newline), interner.ids(newLines, newline: newline))
        var lines: [BodyLine] = []
        for hunk in hunks {
            lines += hunk.oldRange.map { BodyLine(added: false, text: stripped(oldLines[$0])) }
            lines += hunk.newRange.map { BodyLine(added: true, text: stripped(newLines[$0])) }
        }
        return lines
    }

    static func stripped(_ line: String) -> String {
        var line = Substring(line)
        if line.utf8.last == UInt8(ascii: "\n") { line = Substring(line.utf8.dropLast()) }
        if line.utf8.last == UInt8(ascii: "\r") { line = Substring(line.utf8.dropLast()) }
        return String(line)
    }

    struct Seeded {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let pieces = ["a", "b", "a", "caf\u{E9}", "cafe\u{301}", "", "- 09:00 tea", "\u{FFFD}", "x\r"]

    /// A body of a few lines drawn from `pieces`, with `\n` or `\r\n`, the last line sometimes unterminated.
    static func body(_ random: inout Seeded) -> String {
        var text = ""
        for _ in 0..<random.next(8) {
            text += pieces[random.next(pieces.count)] + (random.next(5) == 0 ? "\r\n" : "\n")
        }
        if random.next(3) == 0 { text += pieces[random.next(pieces.count)] }
        return text
    }

    @Test func trimmingGivesTheLinesTheWholeDiffGives() {
        var random = Seeded(state: 13)
        var edits = 0
        for _ in 0..<4000 {
            let old = Self.body(&random)
            // Mostly an edit of the old body (the usual case: common start and end), sometimes another body.
            var new = old
            if random.next(4) == 0 {
                new = Self.body(&random)
            } else {
                var lines = TextLines.split(old)
                let at = lines.isEmpty ? 0 : random.next(lines.count + 1)
                switch random.next(3) {
                case 0: lines.insert(Self.pieces[random.next(Self.pieces.count)] + "\n", at: at)
                case 1: if at < lines.count { lines.remove(at: at) }
                default: if at < lines.count { lines[at] = Self.pieces[random.next(Self.pieces.count)] + "\n" }
                }
                new = lines.joined()
            }
            let expected = Self.untrimmed(from: old, to: new)
            if !expected.isEmpty { edits += 1 }
            #expect(EntryComparison.bodyLines(from: old, to: new) == expected, "\(old.debugDescription) -> \(new.debugDescription)")
        }
        #expect(edits > 2000)
    }

    /// Lines that differ in bytes but not as strings are the same line, at the start, the end and in between.
    @Test func canonicallyEquivalentLinesAreTheSameLine() {
        let old = "caf\u{E9}\none\ncaf\u{E9}\n"
        let new = "cafe\u{301}\ntwo\ncafe\u{301}\n"
        #expect(EntryComparison.bodyLines(from: old, to: new) == [BodyLine(added: false, text: "one"), BodyLine(added: true, text: "two")])
        // An unterminated last line is the same as a terminated one.
        #expect(EntryComparison.bodyLines(from: "a\nb", to: "c\na\nb\n") == [BodyLine(added: true, text: "c")])
    }
}
