import NoteKit
import Testing

@Suite struct MarkdownSectionFenceTests {
    static let body = "## Notes\n```markdown\n## Done\n- inside code\n```\n\n## Done\n- real\n"

    @Test func headingsInsideCodeAreNotSections() {
        #expect(MarkdownSection.items(inSection: "## Done", of: Self.body) == ["real"])
        #expect(MarkdownSection.appending("- new", toSection: "## Done", in: Self.body)
                == "## Notes\n```markdown\n## Done\n- inside code\n```\n\n## Done\n- real\n- new\n")
    }

    @Test func aTildeFenceClosesOnlyWithTildes() {
        let body = "~~~\n```\n## Done\n~~~\n## Done\n- a\n"
        #expect(MarkdownSection.items(inSection: "## Done", of: body) == ["a"])
    }
}
