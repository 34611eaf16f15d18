import Dispatch
import Testing
@testable import NoteKit

/// The POSIX extended regular expressions `hearth grep` matches with: line numbers, highlights,
/// UTF-8, case folding, bad patterns and bytes that are not text.
@Suite struct GrepMatcherTests {
    func lines(_ pattern: String, in text: String, ignoreCase: Bool = false, from start: Int = 0, firstLine: Int = 1) throws -> [GrepLine] {
        let matcher = try GrepMatcher(pattern: pattern, ignoreCase: ignoreCase)
        return Array(text.utf8).withUnsafeBufferPointer { matcher.matchingLines(in: $0, from: start, firstLine: firstLine) }
    }

    /// The highlighted parts of a line, as text.
    func highlighted(_ line: GrepLine) -> [String] {
        let bytes = Array(line.text.utf8)
        return line.highlights.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func numbersMatchingLinesAndHighlightsEveryMatchOnALine() throws {
        let found = try lines("o+", in: "alpha\nfoo boo\nbeta\nzoo\n")
        #expect(found.map(\.number) == [2, 4])
        #expect(found.map(\.text) == ["foo boo", "zoo"])
        #expect(highlighted(found[0]) == ["oo", "oo"])
        #expect(found[0].highlights == [1..<3, 5..<7])
    }

    @Test func anchorsWorkAtEveryLineAndMatchesNeverSpanLines() throws {
        let text = "- ship: a\nnot - ship: b\n- ship: c"
        #expect(try lines("^- ship:", in: text).map(\.number) == [1, 3])
        #expect(try lines("b$", in: text).map(\.number) == [2])
        #expect(try lines("a.not", in: text).isEmpty)
        #expect(try lines("a[^x]not", in: text).isEmpty)
        // The last line has no newline and is still found, and text never keeps a terminator.
        #expect(try lines("c", in: text).map(\.text) == ["- ship: c"])
        #expect(try lines("x", in: "one x\r\ntwo\r\n").map(\.text) == ["one x"])
    }

    @Test func aMatchNeverRunsIntoTheNextLineEvenThroughSpaceClasses() throws {
        // `\s` and `[[:space:]]` match a newline even with REG_NEWLINE; grep -E finds nothing here.
        let text = "foo end\nstart bar\n"
        #expect(try lines("end\\s+start", in: text).isEmpty)
        #expect(try lines("end[[:space:]]+start", in: text).isEmpty)
        #expect(try lines("end[[:space:]]*$", in: "foo end  \n\nx\n").map(\.number) == [1])
        // The first match runs over, yet its line matches further on: that line, with that match.
        let found = try lines("a\\s+b|\\s", in: "a  \nb\nc a b\n")
        #expect(found.map(\.number) == [1, 3])
        #expect(found.first?.highlights == [1..<2, 2..<3])
        #expect(found.last.map(highlighted) == [" ", "a b"])
        let matcher = try GrepMatcher(pattern: "end\\s+start")
        #expect(!Array("\u{0}end\nstart".utf8).withUnsafeBufferPointer { matcher.matches($0) })
        #expect(Array("\u{0}end start".utf8).withUnsafeBufferPointer { matcher.matches($0) })
    }

    @Test func dollarHoldsBeforeCRLFAndCRLFLinesMatchLikeLFLines() throws {
        let text = "foo end\r\nx\r\nfoo boo\r\nlast end"
        #expect(try lines("end$", in: text).map(\.number) == [1, 4])
        #expect(try lines("end$", in: text).map(\.text) == ["foo end", "last end"])
        #expect(try lines("^x$", in: text).map(\.number) == [2])
        // The `\r` is not part of the line: nothing is there for `.` to match.
        #expect(try lines("d.$", in: text).isEmpty)
        #expect(try lines("o+", in: text).first { $0.number == 3 }?.highlights == [1..<3, 5..<7])
        #expect(try lines("end\\s+x", in: text).isEmpty)
        // Mixed endings, and a search that starts at an offset.
        #expect(try lines("end$", in: "a end\nb end\r\nc\n").map(\.number) == [1, 2])
        #expect(try lines("^body$", in: "head\r\nbody\r\n", from: 6, firstLine: 2).map(\.number) == [2])
        #expect(try lines("^$", in: "a\r\n\r\nb\r\n").map(\.number) == [2])
    }

    @Test func startsAtAnOffsetAndCountsFromTheGivenLine() throws {
        let text = "head x\nhead\nbody x\nbody\nbody x\n"
        let start = Array("head x\nhead\n".utf8).count
        #expect(try lines("x", in: text, from: start, firstLine: 3).map(\.number) == [3, 5])
        #expect(try lines("^(body|head)", in: text, from: start, firstLine: 3).map(\.number) == [3, 4, 5])
        // After a byte order mark the first line still starts where the search does.
        #expect(try lines("^text", in: "\u{FEFF}text\n", from: 3).map(\.text) == ["text"])
    }

    @Test func anEmptyPatternMatchesEveryLineButNoLineAfterTheLastNewline() throws {
        #expect(try lines("", in: "a\n\nb\n").map(\.number) == [1, 2, 3])
        #expect(try lines("^$", in: "a\n\nb\n").map(\.number) == [2])
        #expect(try lines("", in: "").isEmpty)
    }

    @Test func matchesUTF8CharactersNotBytes() throws {
        // In a byte locale `.` would take one byte of the two in é and miss.
        let found = try lines("^caf.$", in: "café\ncafe\ncafés\n")
        #expect(found.map(\.number) == [1, 2])
        let accented = try lines("é+", in: "naïve résumé\n")
        #expect(highlighted(accented[0]) == ["é", "é"])
    }

    @Test func ignoresCaseWhenAskedForAsciiAndAccentedLetters() throws {
        #expect(try lines("gpu", in: "GPU\ngpu\nGpU\n").map(\.number) == [2])
        #expect(try lines("gpu", in: "GPU\ngpu\nGpU\n", ignoreCase: true).map(\.number) == [1, 2, 3])
        #expect(try lines("été", in: "ÉTÉ\nete\n", ignoreCase: true).map(\.number) == [1])
    }

    @Test func invalidUTF8NeverCrashesAndShowsAsReplacementCharacters() throws {
        let matcher = try GrepMatcher(pattern: "caf", ignoreCase: true)
        let bytes: [UInt8] = Array("ok\n".utf8) + [0x63, 0x61, 0x66, 0xE9, 0x20, 0xFF, 0x43, 0x41, 0x46, 0x0A]
        let found = bytes.withUnsafeBufferPointer { matcher.matchingLines(in: $0) }
        #expect(found.map(\.number) == [2])
        #expect(found.first?.text == "caf\u{FFFD} \u{FFFD}CAF")
        #expect(found.first.map(highlighted) == ["caf", "CAF"])
    }

    @Test func binaryBytesCanBeTestedForAMatch() throws {
        let matcher = try GrepMatcher(pattern: "secret")
        let bytes: [UInt8] = [0, 1, 2] + Array("the secret".utf8) + [0]
        #expect(bytes.withUnsafeBufferPointer { matcher.matches($0) })
        #expect(![UInt8]([0, 0]).withUnsafeBufferPointer { matcher.matches($0) })
    }

    @Test(arguments: [("a(", "unmatched ( or \\("), ("[z-a]", "invalid range end"), ("x{2,1}", "invalid content of \\{\\}"),
                      ("\\", "trailing backslash"), ("a\nb", "line break")])
    func rejectsBadPatternsSayingWhatIsWrong(_ pattern: String, _ reason: String) {
        #expect {
            try GrepMatcher(pattern: pattern)
        } throws: { error in
            guard let error = error as? GrepPatternError else { return false }
            return error.pattern == pattern && error.reason.contains(reason) && error.description.contains("POSIX extended")
        }
    }

    @Test func oneMatcherSharedByManyThreadsFindsWhatOneThreadFinds() throws {
        let matcher = try GrepMatcher(pattern: "line (7|13)[0-9]*$", ignoreCase: true)
        let text = (1...400).map { "Line \($0)" }.joined(separator: "\n")
        let bytes = Array(text.utf8)
        let expected = bytes.withUnsafeBufferPointer { matcher.matchingLines(in: $0) }
        #expect(expected.map(\.number) == [7, 13, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139])
        let results = ParallelMap.map(Array(0..<256)) { _ in bytes.withUnsafeBufferPointer { matcher.matchingLines(in: $0) } }
        #expect(results.allSatisfy { $0 == expected })
    }
}
