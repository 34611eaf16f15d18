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

    @Test func sixHashesAtMost() {
        #expect(Self.heading("###### Six") == MarkdownHeading(level: 6, title: "Six"))
        #expect(Self.heading("####### Seven") == nil, "CommonMark reads seven #s as a paragraph")
    }

    @Test func aFenceClosesOnlyWithARunAsLongAndNothingAfterIt() {
        let levels = { (lines: [String]) in MarkdownHeading.headings(in: lines).map { $0?.level } }
        // A four-backtick fence shows a three-backtick one.
        #expect(levels(["````markdown", "```", "## In", "```", "````", "## Out"]) == [nil, nil, nil, nil, nil, 2])
        // An info string makes an opening line, not a closing one; trailing spaces do not.
        #expect(levels(["```", "```swift", "## In", "```  ", "## Out"]) == [nil, nil, nil, nil, 2])
        // Indented four spaces, a line is code, not a fence.
        #expect(levels(["~~~", "    ~~~", "## In", "   ~~~~", "## Out"]) == [nil, nil, nil, nil, 2])
        // A backtick in a backtick fence's info string: no fence at all.
        #expect(levels(["```a`b", "## Out"]) == [nil, 2])
    }
}
