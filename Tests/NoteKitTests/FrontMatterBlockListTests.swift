import Testing
@testable import NoteKit

/// Block lists as Obsidian's property editor writes them (`tags:` then `  - a`) stay block lists
/// when hearth changes them, at their own indentation, with unchanged items kept as written.
struct FrontMatterBlockListTests {
    private func note(_ frontMatter: String) throws -> Note {
        try Note(parsing: "---\n" + frontMatter + "---\nBody.\n", path: "days/2026/2026-11-22.md")
    }

    @Test func addingAnItemKeepsTwoSpaceIndentationAndTheOtherItemsBytes() throws {
        var entry = try note("""
            tags:
              - journal
              - "2026"
              - 'it''s'
            energy: 3

            """)
        entry.set("tags", to: .list([.plain("journal"), .string("2026"), .string("it's"), .plain("deep work")]))
        #expect(entry.frontMatter?.text == """
            tags:
              - journal
              - "2026"
              - 'it''s'
              - deep work
            energy: 3

            """)
        #expect(entry.tags == ["journal", "2026", "it's", "deep work"])
    }

    @Test func columnZeroListsStayAtColumnZero() throws {
        var entry = try note("tags:\n- a\n- b\nmood: 4\n")
        entry.set("tags", to: .list([.plain("b"), .plain("c")]))
        #expect(entry.frontMatter?.text == "tags:\n- b\n- c\nmood: 4\n")
        #expect(entry["mood"]?.int == 4)
    }

    @Test func removingAnItemKeepsCommentsWithTheItemsTheyDescribe() throws {
        var entry = try note("tags: # Obsidian tags\n    # the first one\n    - a  # kept\n    - b\n    - c\n")
        entry.set("tags", to: .list([.plain("a"), .plain("c")]))
        #expect(entry.frontMatter?.text == "tags: # Obsidian tags\n    # the first one\n    - a  # kept\n    - c\n")
    }

    @Test func newItemsAreQuotedWhenPlainTextWouldReadAsSomethingElse() throws {
        var entry = try note("related:\n  - \"[[Other note]]\"\n")
        entry.set("related", to: .list([.string("[[Other note]]"), .string("[[New: note]]"), .string("no"), .string("23:30")]))
        #expect(entry.frontMatter?.text == "related:\n  - \"[[Other note]]\"\n  - \"[[New: note]]\"\n  - \"no\"\n  - \"23:30\"\n")
        #expect(entry["related"]?.strings == ["[[Other note]]", "[[New: note]]", "no", "23:30"])
    }

    @Test func crlfBlockListsKeepTheirLineEndings() throws {
        var entry = try Note(parsing: "---\r\ntags:\r\n  - a\r\nmood: 2\r\n---\r\nBody.\r\n", path: "x.md")
        entry.set("tags", to: .list([.plain("a"), .plain("b")]))
        #expect(entry.text == "---\r\ntags:\r\n  - a\r\n  - b\r\nmood: 2\r\n---\r\nBody.\r\n")
    }

    @Test func aBlockListAtTheEndOfTheFrontMatterStaysBlock() throws {
        var entry = try note("mood: 2\naliases:\n  - First\n")
        entry.set("aliases", to: .list([.plain("First"), .plain("Second")]))
        #expect(entry.text == "---\nmood: 2\naliases:\n  - First\n  - Second\n---\nBody.\n")
    }

    /// Block YAML cannot write an empty list, a scalar is not a list, and flow lists stay flow.
    @Test func valuesABlockListCannotHoldAreWrittenOnOneLine() throws {
        var emptied = try note("tags:\n  - a\nmood: 2\n")
        emptied.set("tags", to: .list([]))
        #expect(emptied.frontMatter?.text == "tags: []\nmood: 2\n")

        var scalar = try note("tags:\n  - a\n")
        scalar.set("tags", to: .plain("solo"))
        #expect(scalar.frontMatter?.text == "tags: solo\n")

        var flow = try note("tags: [a]\n")
        flow.set("tags", to: .list([.plain("a"), .plain("b")]))
        #expect(flow.frontMatter?.text == "tags: [a, b]\n")
    }

    /// A list of maps or a multi-line item is YAML the line-keeping rewrite does not take apart.
    @Test func blockListsWithNestedItemsAreRewrittenAsFlow() throws {
        var entry = try note("links:\n  - name: a\n    url: b\n")
        entry.set("links", to: .list([.plain("x")]))
        #expect(entry.frontMatter?.text == "links: [x]\n")
    }

    @Test func editingOtherKeysLeavesABlockListsBytesAlone() throws {
        let frontMatter = "tags:\n  - a\n  - \"b\"\ncssclasses:\n- wide\nmood: 2\n"
        var entry = try note(frontMatter)
        entry.set("mood", to: .plain("4"))
        entry.remove("cssclasses")
        #expect(entry.frontMatter?.text == "tags:\n  - a\n  - \"b\"\nmood: 4\n")
    }

    @Test func setKeepsReadingBackAsTheValueItWrote() throws {
        var entry = try note("tags:\n  - a\n  - b # note\n  -\n")
        let value = YAMLValue.list([.plain("b"), .null, .plain("x y"), .plain("a")])
        entry.set("tags", to: value)
        let reread = try Note(parsing: entry.text, path: entry.path)
        #expect(reread["tags"]?.jsonObject == value.jsonObject)
        #expect(entry.frontMatter?.text == "tags:\n  - b # note\n  -\n  - x y\n  - a\n")
    }

    @Test func aCommentHeadingTheListStaysWhenItsFirstItemIsRemoved() throws {
        var entry = try note("tags:\n  # topics, keep sorted\n  - alpha\n  - travel\nmood: 4\n")
        entry.set("tags", to: .list([.plain("travel")]))
        #expect(entry.frontMatter?.text == "tags:\n  # topics, keep sorted\n  - travel\nmood: 4\n")
    }

    @Test func aCommentAboveARemovedItemMovesToTheHeadOfTheList() throws {
        var entry = try note("tags:\n  # heading\n  - a\n  # about b\n  - b\n  # about c\n  - c\n  # after\n")
        entry.set("tags", to: .list([.plain("c"), .plain("d")]))
        #expect(entry.frontMatter?.text == "tags:\n  # heading\n  # about b\n  # about c\n  - c\n  - d\n  # after\n")
    }

    @Test(arguments: [YAMLValue.list([]), .plain("travel")])
    func aListSetToOneLineKeepsItsComments(value: YAMLValue) throws {
        var entry = try note("tags: # Obsidian\n  # heading\n  - a\n  # about b\n  - b\nmood: 4\n")
        entry.set("tags", to: value)
        let line = "tags: " + YAMLWriter.render(value) + " # Obsidian\n"
        #expect(entry.frontMatter?.text == line + "  # heading\n  # about b\nmood: 4\n")
        #expect(entry["tags"]?.jsonObject == value.jsonObject)
        #expect(entry["mood"]?.int == 4)
    }

    @Test func itemsAreMatchedByTextSoQuotedItemsKeepTheirQuotes() throws {
        var entry = try note("tags:\n  - \"2026\"\n  - 'true'\n  - travel\n")
        // What `hearth set today 'tags=[2026, true, travel, 2027]'` parses to: plain scalars.
        entry.set("tags", to: .list([.plain("2026"), .plain("true"), .plain("travel"), .plain("2027")]))
        #expect(entry.frontMatter?.text == "tags:\n  - \"2026\"\n  - 'true'\n  - travel\n  - 2027\n")
        #expect(entry["tags"]?.jsonObject == .array([.string("2026"), .string("true"), .string("travel"), .int(2027)]))
    }

    @Test func blockListLinesTakesAListApartAndPutsItBackByteForByte() throws {
        let lines = ["tags: # t\n", "  # head\n", "\n", "  - a  # one\n", "  # lead\n", "  - \"b\"\n", "  -\n", "  # tail\n"]
        let list = try #require(BlockListLines(lines: lines))
        #expect(list.lines == lines)
        #expect(list.head == ["  # head\n", "\n"])
        #expect(list.items.map(\.value) == [.plain("a"), .string("b"), .null])
        #expect(list.items.map(\.lead) == [[], ["  # lead\n"], []])
        #expect(list.tail == ["  # tail\n"])
        #expect(list.indent == "  ")
        #expect(list.commentLines == ["  # head\n", "  # lead\n", "  # tail\n"])
    }

    @Test(arguments: [
        ["tags: [a]\n", "  - b\n"],              // a value on the key line
        ["tags:\n", "  - a\n", "    - b\n"],      // two indentations
        ["tags:\n", "  - a\n", "    more\n"],     // a multi-line scalar
        ["tags:\n", "  -x\n"],                   // a plain scalar, not an item
        ["tags:\n", "  - {a: 1}\n"],             // not a scalar
        ["tags:\n", "  # only a comment\n"],     // no item
    ])
    func blockListLinesRefusesWhatItCannotRewriteLineByLine(lines: [String]) {
        #expect(BlockListLines(lines: lines) == nil)
    }

    @Test func anItemThatReadsExactlyAsTheValueIsPreferredToOneWithTheSameText() throws {
        var entry = try note("tags:\n  - \"2026\"\n  - 2026\n  - a\n")
        entry.set("tags", to: .list([.plain("2026"), .string("2026")]))
        #expect(entry.frontMatter?.text == "tags:\n  - 2026\n  - \"2026\"\n")
        #expect(entry["tags"]?.jsonObject == .array([.int(2026), .string("2026")]))
    }
}
