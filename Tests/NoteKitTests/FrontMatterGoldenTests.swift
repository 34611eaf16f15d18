import Foundation
import Testing
@testable import NoteKit

/// Lossless reading and minimal-diff editing, checked on every fixture against golden files
/// (`keys/*.keys` from an independent YAML parser, `expected/*.md` written by hand).
@Suite struct FrontMatterGoldenTests {
    /// Trailing comments (with the blanks before them) that an edit of the key must keep, as they
    /// appear in the fixtures; any one-line key not listed here has no comment.
    static let trailingComments: [String: [String: String]] = [
        "03-comments.md": [
            "energy": "  # felt drained after lunch", "mood": " # ok", "title": " # but this is",
            "sleep_h": "   #   spaced comment", "tags": " # list comment",
        ],
        "10-crlf.md": ["energy": " # good"],
        "21-nulls.md": ["commented": " # nothing recorded"],
        "33-scanner-edges.md": ["quote_mid": " # c'", "apostrophe": " # comment", "flow_quote": " # comment"],
    ]

    @Test func thereAreEnoughFixtures() {
        #expect(Fixtures.names.count >= 25)
        #expect(Fixtures.namesWithFrontMatter.count >= 25)
    }

    @Test(arguments: Fixtures.names)
    func roundTripIsByteIdentical(_ name: String) throws {
        let data = try Fixtures.bytes(name)
        let note = try Note(parsing: data, path: name)
        #expect(Data(note.text.utf8) == data)
        let fromText = try Note(parsing: try Fixtures.text(name), path: name)
        #expect(fromText.text == (try Fixtures.text(name)))
        #expect(fromText == note)
    }

    @Test(arguments: Fixtures.names)
    func keysValuesAndLinesMatchGolden(_ name: String) throws {
        let golden = try Fixtures.golden(name)
        let text = try Fixtures.text(name)
        let note = try Note(parsing: text, path: name)
        guard golden.hasFrontMatter else {
            #expect(note.frontMatter == nil)
            #expect(note.body == text)
            #expect(note.bodyFirstLine == 1)
            return
        }
        let frontMatter = try #require(note.frontMatter)
        #expect(frontMatter.keys == golden.keys.map(\.key))
        for expected in golden.keys {
            let entry = try #require(frontMatter.entry(expected.key), "\(expected.key)")
            #expect(entry.value.jsonObject.serialized() == expected.json, "\(name): \(expected.key)")
            #expect(frontMatter.firstLine + entry.lines.lowerBound == expected.fileLines.lowerBound, "\(name): \(expected.key)")
            #expect(frontMatter.firstLine + entry.lines.upperBound - 1 == expected.fileLines.upperBound, "\(name): \(expected.key)")
            #expect(note.line(ofKey: expected.key) == expected.fileLines.lowerBound)
        }
        // The body starts right after the closing fence, whose position the test finds by itself.
        let lines = Fixtures.rawLines(text)
        let closing = try #require(Fixtures.closingFenceIndex(lines))
        #expect(note.bodyFirstLine == closing + 2)
        #expect(note.body == lines[(closing + 1)...].joined())
    }

    @Test(arguments: Fixtures.namesWithFrontMatter)
    func removingAKeyRemovesExactlyItsLines(_ name: String) throws {
        let golden = try Fixtures.golden(name)
        let text = try Fixtures.text(name)
        let lines = Fixtures.rawLines(text)
        for expected in golden.keys {
            var note = try Note(parsing: text, path: name)
            let removed = note.remove(expected.key)
            #expect(removed)
            var remaining = lines
            remaining.removeSubrange((expected.fileLines.lowerBound - 1)...(expected.fileLines.upperBound - 1))
            #expect(note.text == remaining.joined(), "\(name): removing \(expected.key)")
            let others = golden.keys.filter { $0.key != expected.key }
            #expect(note.frontMatter?.keys == others.map(\.key))
            #expect(others.allSatisfy { note[$0.key]?.jsonObject.serialized() == $0.json })
            // The edited file reads back the same way.
            #expect(try Note(parsing: note.text, path: name).frontMatter?.keys == others.map(\.key))
        }
        var note = try Note(parsing: text, path: name)
        let removedMissing = note.remove("no_such_key")
        #expect(!removedMissing)
        #expect(note.text == text)
    }

    @Test(arguments: Fixtures.names)
    func settingANewKeyAppendsOneLineBeforeTheClosingFence(_ name: String) throws {
        let text = try Fixtures.text(name)
        var note = try Note(parsing: text, path: name)
        note.set("zz_added", to: .plain("5"))
        let lines = Fixtures.rawLines(text)
        let expected: String
        if try Fixtures.golden(name).hasFrontMatter {
            let closing = try #require(Fixtures.closingFenceIndex(lines))
            let newline = lines[0].hasSuffix("\r\n") ? "\r\n" : "\n"
            var edited = lines
            edited.insert("zz_added: 5" + newline, at: closing)
            expected = edited.joined()
        } else {
            // A file without front-matter gets one, in the body's line-ending style.
            let newline = text.utf8.contains(13) ? "\r\n" : "\n"
            expected = "---" + newline + "zz_added: 5" + newline + "---" + newline + text
        }
        #expect(note.text == expected)
        #expect(try Note(parsing: note.text, path: name)["zz_added"]?.int == 5)
    }

    @Test(arguments: Fixtures.namesWithFrontMatter)
    func settingAOneLineKeyChangesOnlyThatLine(_ name: String) throws {
        let golden = try Fixtures.golden(name)
        let text = try Fixtures.text(name)
        let lines = Fixtures.rawLines(text)
        for expected in golden.keys where expected.fileLines.count == 1 {
            var note = try Note(parsing: text, path: name)
            note.set(expected.key, to: .plain("12345"))
            let edited = Fixtures.rawLines(note.text)
            try #require(edited.count == lines.count, "\(name): \(expected.key)")
            let index = expected.fileLines.lowerBound - 1
            for i in lines.indices where i != index {
                #expect(edited[i] == lines[i], "\(name): setting \(expected.key) changed line \(i + 1)")
            }
            let comment = Self.trailingComments[name]?[expected.key] ?? ""
            let original = lines[index]
            let terminator = original.hasSuffix("\r\n") ? "\r\n" : original.hasSuffix("\n") ? "\n" : ""
            #expect(edited[index].hasSuffix(": 12345" + comment + terminator), "\(name): \(expected.key) -> \(edited[index])")
            if !expected.key.contains(where: { " :'\"".contains($0) }) {
                #expect(edited[index] == expected.key + ": 12345" + comment + terminator)
            }
            #expect(try Note(parsing: note.text, path: name)[expected.key]?.int == 12345)
        }
    }

    /// Hand-written expected files for a few edits, so a regression shows as a readable diff.
    struct Edit: CustomTestStringConvertible, Sendable {
        var fixture: String
        var expected: String
        var apply: @Sendable (inout Note) -> Void
        var testDescription: String { expected }
    }

    static let edits: [Edit] = [
        Edit(fixture: "01-typical-day.md", expected: "01-typical-day.set-energy-4.md") { $0.set("energy", to: .plain("4")) },
        Edit(fixture: "03-comments.md", expected: "03-comments.set-energy-4.md") { $0.set("energy", to: .plain("4")) },
        Edit(fixture: "03-comments.md", expected: "03-comments.remove-note.md") { $0.remove("note") },
        Edit(fixture: "07-block-list-column0.md", expected: "07-block-list-column0.set-tags.md") {
            $0.set("tags", to: .list([.plain("x"), .plain("y z")]))
        },
        Edit(fixture: "07-block-list-column0.md", expected: "07-block-list-column0.remove-aliases.md") { $0.remove("aliases") },
        Edit(fixture: "09-block-scalars.md", expected: "09-block-scalars.remove-summary.md") { $0.remove("summary") },
        Edit(fixture: "10-crlf.md", expected: "10-crlf.set-bed-energy.md") {
            $0.set("bed", to: .plain("07:00"))
            $0.set("energy", to: .plain("1"))
        },
        Edit(fixture: "11-mixed-endings.md", expected: "11-mixed-endings.set-mood-5.md") { $0.set("mood", to: .plain("5")) },
        Edit(fixture: "13-no-frontmatter.md", expected: "13-no-frontmatter.set-kind.md") { $0.set("kind", to: .plain("note")) },
        Edit(fixture: "14-empty-frontmatter.md", expected: "14-empty-frontmatter.set-energy-2.md") { $0.set("energy", to: .plain("2")) },
        Edit(fixture: "20-yes-no.md", expected: "20-yes-no.set-travel-no.md") { $0.set("travel", to: .string("no")) },
        Edit(fixture: "25-fence-at-eof.md", expected: "25-fence-at-eof.set-mood-3.md") { $0.set("mood", to: .plain("3")) },
        Edit(fixture: "12-bom.md", expected: "12-bom.set-tags.md") { $0.set("tags", to: .list([.plain("a"), .plain("no")])) },
    ]

    @Test(arguments: edits)
    func editMatchesExpectedFile(_ edit: Edit) throws {
        var note = try Note(parsing: try Fixtures.bytes(edit.fixture), path: edit.fixture)
        edit.apply(&note)
        let expected = try Fixtures.bytes("expected/" + edit.expected)
        #expect(Data(note.text.utf8) == expected, "\(edit.expected):\n\(note.text)")
    }

    @Test func settingAnUnchangedValueKeepsTheLineAsWritten() throws {
        let text = try Fixtures.text("03-comments.md")
        var note = try Note(parsing: text, path: "x.md")
        note.set("energy", to: .plain("2"))
        note.set("tags", to: .list([.plain("a"), .plain("b")]))
        #expect(note.text == text)
    }

    @Test func settingAMultiLineKeyReplacesAllItsLines() throws {
        var note = try Note(parsing: try Fixtures.text("06-block-list-indented.md"), path: "x.md")
        note.set("tags", to: .list([.plain("one")]))
        #expect(note.frontMatter?.text == "kind: day\ntags:\n  - one\nsymptoms:\n    - headache   # since morning\n    - fatigue\nenergy: 2\n")
        #expect(note.frontMatter?.entry("energy")?.lines == 6..<7)
    }

    @Test func editsKeepKeysAsWritten() throws {
        var note = try Note(parsing: try Fixtures.text("29-quoted-keys.md"), path: "x.md")
        note.set("single key", to: .plain("2"))
        note.set("with: colon", to: .plain("3"))
        note.set("plain key with spaces", to: .null)
        // A new key that YAML 1.1 reads as a boolean (`n`) is quoted.
        note.set("n", to: .plain("1"))
        #expect(note.frontMatter?.text == "\"quoted key\": 1\n'single key': 2\n\"with: colon\": 3\nplain key with spaces:\n\"n\": 1\n")
        var nulls = try Note(parsing: try Fixtures.text("21-nulls.md"), path: "x.md")
        nulls.set("commented", to: .plain("4"))
        nulls.set("energy", to: .null)
        #expect(nulls.frontMatter?.lines[4] == "commented: 4 # nothing recorded\n")
        #expect(nulls.frontMatter?.lines[6] == "energy:\n")
    }

    @Test func removingTheLastKeyLeavesEmptyFences() throws {
        var note = try Note(parsing: "---\nenergy: 2\n---\nBody\n", path: "x.md")
        note.remove("energy")
        #expect(note.text == "---\n---\nBody\n")
        #expect(note.frontMatter?.keys == [])
    }
}
