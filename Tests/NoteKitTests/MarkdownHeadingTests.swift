import NoteKit
import Testing

/// How the merge and `hearth check` recognise and match headings.
@Suite struct MarkdownHeadingTests {
    static func heading(_ line: String) -> MarkdownHeading? {
        MarkdownHeading.headings(in: [line]).first ?? nil
    }

    @Test func spacingAndAClosingRunOfHashesDoNotChangeTheTitle() {
        let done = MarkdownHeading(level: 2, title: "Done")
        for line in ["## Done", "## Done\n", "## Done\r\n", "##   Done  ", "## Done ##", "## Done #####  "] {
            #expect(Self.heading(line) == done, "\(line.debugDescription)")
        }
        #expect(Self.heading("## Done  today")?.title == "Done today")
        #expect(Self.heading("## C#")?.title == "C#", "a # that is part of the title stays")
        #expect(Self.heading("## ##")?.title == "")
    }

    @Test func levelAndCaseTellHeadingsApart() {
        #expect(Self.heading("### Done") == MarkdownHeading(level: 3, title: "Done"))
        #expect(Self.heading("## done") != Self.heading("## Done"), "review counts only '## Done'")
    }

    @Test func onlyHashesFollowedByASpaceAtTheStartOfALineMakeAHeading() {
        for line in ["#tag", "##Done", "##\tDone", " ## Done", "", "- ## Done", "Done\n"] {
            #expect(Self.heading(line) == nil, "\(line.debugDescription)")
        }
    }

    @Test func headingsInsideFencedCodeAreCode() {
        let lines = ["## Notes", "```sh", "## Done", "# comment", "```", "~~~", "```", "## Log", "~~~", "## Done"]
        let levels = MarkdownHeading.headings(in: lines).map { $0?.level }
        #expect(levels == [2, nil, nil, nil, nil, nil, nil, nil, nil, 2])
    }
}
