import NoteKit
import Testing

/// Edge cases found in review, each a way an edit or a read could go wrong.
@Suite struct FrontMatterEdgeCaseTests {
    @Test func anEscapedSingleQuoteDoesNotEndTheScalar() throws {
        var note = try Note(parsing: "---\ntitle: 'it''s # here'\nenergy: 3\n---\n", path: "notes/q.md")
        #expect(note["title"]?.string == "it's # here")
        note.set("title", to: .plain("new"))
        // No fake "# here'" comment carried over.
        #expect(note.text == "---\ntitle: new\nenergy: 3\n---\n")
    }

    @Test func commentLinesUnderAOneLineValueStayWhenItChanges() throws {
        // Found in review: the comment line went with the old value.
        var note = try Note(parsing: "---\nsleep: 7\n  # from watch\n\nenergy: 3\n---\n", path: "days/d.md")
        note.set("sleep", to: .plain("8"))
        #expect(note.text == "---\nsleep: 8\n  # from watch\n\nenergy: 3\n---\n")
        // In a block scalar a `#` line is text: the whole value is replaced.
        var block = try Note(parsing: "---\nnote: |\n  # heading\nenergy: 3\n---\n", path: "days/d.md")
        block.set("note", to: .plain("x"))
        #expect(block.text == "---\nnote: x\nenergy: 3\n---\n")
    }

    @Test func anExplicitStringTagIsText() throws {
        let note = try Note(parsing: "---\nn: !!str 3\nm: 3\n---\n", path: "x.md")
        #expect(note["n"]?.int == nil)
        #expect(note["n"]?.string == "3")
        #expect(note["m"]?.int == 3)
    }

    @Test func controlCharactersAreEscapedAndReadBack() throws {
        let text = "a\u{85}b\u{1}c\u{7F}"
        let line = YAMLWriter.line(key: "k", value: .string(text))
        #expect(line == "k: \"a\\x85b\\x01c\\x7f\"")
        let note = try Note(parsing: "---\n\(line)\n---\n", path: "x.md")
        #expect(note["k"]?.string == text)
    }

    @Test func jsonHasNoInfinityOrNaN() {
        #expect(JSONValue.array([.double(.infinity), .double(-.infinity), .double(.nan), .double(1.5)]).serialized() == "[null,null,null,1.5]")
    }

    @Test func setThenReadGivesTheValueBack() throws {
        let values: [YAMLValue] = [
            .plain("3"), .plain("-2.5"), .plain("true"), .string("no"), .string("23:30"), .string("007"),
            .string("a: b"), .string("# not a comment"), .string("  padded "), .string("quote \" and \\ slash"),
            .list([.string("a, b"), .plain("c]"), .string("")]), .plain("2026-11-22"), .string("[not a list]"),
            .string("it's"), .string("ünïcödé ✓"),
        ]
        for value in values {
            var note = try Note(parsing: "---\nkind: day\n---\n", path: "x.md")
            note.set("k", to: value)
            let reread = try Note(parsing: note.text, path: "x.md")
            #expect(reread["k"]?.jsonObject == value.jsonObject, "\(value) was written as \(note.text)")
        }
    }
}
