import NoteKit
import Testing

@Suite struct MarkdownSectionTests {
    @Test func appendsAfterTheLastItemOfTheSection() {
        let body = "\n## Done\n- a\n- b\n\n## Log\n- 10:00 x\n"
        #expect(MarkdownSection.appending("- c", toSection: "## Done", in: body) == "\n## Done\n- a\n- b\n- c\n\n## Log\n- 10:00 x\n")
    }

    @Test func anEmptySectionKeepsItsBlankLines() {
        let body = "## Done\n\n## Log\n"
        #expect(MarkdownSection.appending("- c", toSection: "## Done", in: body) == "## Done\n\n- c\n\n## Log\n")
    }

    @Test func theLastSectionAtEndOfFile() {
        #expect(MarkdownSection.appending("- 9:00 x", toSection: "## Log", in: "## Log\n- 8:00 y") == "## Log\n- 8:00 y\n- 9:00 x\n")
    }

    @Test func deeperHeadingsStayInsideTheSection() {
        let body = "## Done\n- a\n### Details\nmore\n## Log\n"
        #expect(MarkdownSection.appending("- b", toSection: "## Done", in: body) == "## Done\n- a\n### Details\nmore\n- b\n\n## Log\n")
    }

    @Test func crlfBodiesGetCrlfLines() {
        let body = "## Done\r\n- a\r\n\r\n## Log\r\n"
        #expect(MarkdownSection.appending("- b", toSection: "## Done", in: body) == "## Done\r\n- a\r\n- b\r\n\r\n## Log\r\n")
    }

    @Test func itemsOfSeveralSectionsInOnePass() {
        let body = "# Day\n## Done\n- ship: x\n* learn: y\nnot an item\n## Grateful\n- sun\n### Sub\n- still grateful\n## Notes\n- not asked for\n"
        let items = MarkdownSection.items(inSections: ["## Done", "## Grateful", "## Learned"], of: body)
        #expect(items["## Done"] == ["ship: x", "learn: y"])
        #expect(items["## Grateful"] == ["sun", "still grateful"])
        #expect(items["## Learned"] == nil)
        #expect(MarkdownSection.items(inSection: "## Notes", of: body) == ["not asked for"])
    }
}
