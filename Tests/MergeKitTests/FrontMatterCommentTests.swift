import NoteKit
import Testing

/// Reading and replacing a front-matter line's trailing comment, as the merge does to keep one.
struct FrontMatterCommentTests {
    @Test(arguments: [
        ("energy: 3  # slept badly\n", "  # slept badly"),
        ("  - cough # dry\r\n", " # dry"),
        ("- 'a # b'  # c\n", "  # c"),
        ("title: \"Quoted # not a comment\" # but this is\n", " # but this is"),
        ("tags:  # topics\n", "  # topics"),
    ])
    func aTrailingCommentIsReadWithTheBlanksBeforeIt(line: String, comment: String) {
        #expect(FrontMatterComment.trailing(of: line) == comment)
    }

    @Test(arguments: ["url: https://example.com/page#section\n", "# a full line\n", "  # indented full line\n",
                      "  - item\n", "energy: 3\n", "-x # not an item\n"])
    func noTrailingComment(line: String) {
        #expect(FrontMatterComment.trailing(of: line) == nil)
    }

    @Test func replacingKeepsTheValueAndTheTerminator() {
        #expect(FrontMatterComment.replacingTrailing(of: "energy: 4\r\n", with: "  # slept badly") == "energy: 4  # slept badly\r\n")
        #expect(FrontMatterComment.replacingTrailing(of: "energy: 4 # old\n", with: " # new") == "energy: 4 # new\n")
        #expect(FrontMatterComment.replacingTrailing(of: "  - cough  # dry\n", with: nil) == "  - cough\n")
        #expect(FrontMatterComment.replacingTrailing(of: "mood: 2", with: " # last line") == "mood: 2 # last line")
    }

    @Test func fullLineComments() {
        #expect(FrontMatterComment.isFullLine("  # keep sorted\n"))
        #expect(FrontMatterComment.isFullLine("# after lunch\r\n"))
        #expect(!FrontMatterComment.isFullLine("energy: 3 # tired\n"))
        #expect(!FrontMatterComment.isFullLine("\n"))
    }
}
