import NoteKit
import Testing

/// `hearth check`'s warnings about repeated headings, mixed line endings and git's conflict markers.
@Suite struct BodyLintTests {
    static func problems(_ text: String, path: String = "days/2026/2026-11-22.md") throws -> [Diagnostic] {
        BodyLint.problems(in: try Note(parsing: text, path: path))
    }

    static let frontMatter = "---\nkind: day\ndate: 2026-11-22\n---\n"

    @Test func hearthsOwnTemplateAndAMergedDayAreClean() throws {
        #expect(try Self.problems(Self.frontMatter + "\n## Done\n- ship: x\n\n## Grateful\n\n## Learned\n\n## Log\n\n## Notes\n").isEmpty)
        #expect(try Self.problems("No front-matter, no headings.\r\nCRLF only.\r\n").isEmpty)
        #expect(try Self.problems("").isEmpty)
    }

    @Test func aHeadingTwiceUnderTheSameParentIsNamedAtItsSecondLine() throws {
        let text = Self.frontMatter + "\n## Done\n- a\n\n## Notes\n\n## Notes ##\nmore\n"
        let problems = try Self.problems(text)
        #expect(problems.map(\.line) == [11])
        #expect(problems.first?.severity == .warning)
        #expect(problems.first?.message.contains("'## Notes' appears twice") == true, "\(problems)")
        #expect(problems.first?.message.contains("line 9") == true, "\(problems)")
        #expect(problems.first?.description.hasPrefix("days/2026/2026-11-22.md:11: warning:") == true)
    }

    @Test func theSameSubheadingUnderDifferentParentsOrInCodeIsNoRepeat() throws {
        let text = "# Week\n## Monday\n### Notes\n## Tuesday\n### Notes\n```\n## Monday\n```\n### notes\n"
        #expect(try Self.problems(text).isEmpty)
        let repeated = "## Monday\n### Notes\n### Notes\n## Monday\n"
        #expect(try Self.problems(repeated).map(\.line) == [3, 4])
    }

    @Test func mixedLineEndingsAreNamedAtTheFirstLineThatDiffers() throws {
        let text = "---\r\nkind: day\r\ndate: 2026-11-22\r\n---\r\n\r\n## Done\r\n- a\n- b\n"
        let problems = try Self.problems(text)
        #expect(problems.map(\.line) == [7], "\(problems)")
        #expect(problems.first?.message.contains("line 1 ends with CRLF, line 7 with LF (6 CRLF, 2 LF)") == true, "\(problems)")
        #expect(try Self.problems("a\nb\r\n").map(\.line) == [2])
        #expect(try Self.problems("a\r\nb").isEmpty, "a last line without a terminator has no ending")
    }

    @Test func gitConflictMarkersAreNamedWithAllTheirLines() throws {
        let text = Self.frontMatter + "\n## Notes\n<<<<<<< HEAD\nSlept badly.\n=======\nSlept well.\n>>>>>>> desk/main\n"
        let problems = try Self.problems(text)
        #expect(problems.map(\.line) == [7], "\(problems)")
        #expect(problems.first?.message.contains("git conflict markers") == true)
        #expect(problems.first?.message.contains("lines 7, 9, 11") == true, "\(problems)")
        let diff3 = "<<<<<<< ours\na\n||||||| base\nb\n=======\nc\n>>>>>>> theirs\n"
        #expect(try Self.problems(diff3).first?.message.contains("lines 1, 3, 5, 7") == true)
    }

    @Test func aLoneMarkerIsNamedButASetextUnderlineIsNot() throws {
        #expect(try Self.problems("Title\n=======\n\ntext\n").isEmpty, "a setext heading")
        #expect(try Self.problems("a\n>>>>>>> theirs\n").map(\.line) == [2])
        let unclosed = try Self.problems("<<<<<<< HEAD\na\n=======\nb\n")
        #expect(unclosed.map(\.line) == [1])
        #expect(unclosed.first?.message.contains("without the rest of its block") == true, "\(unclosed)")
        #expect(try Self.problems("<<<<<<<< eight\n>>>>>>>>\n<<<<<<<x\n").isEmpty, "not git's markers")
    }

    @Test func markersInFencedCodeAreCode() throws {
        let text = "## Notes\nHow a conflict looks:\n```\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> main\n```\n"
        #expect(try Self.problems(text).isEmpty)
    }
}
