import Foundation
import Testing

/// `hearth set REF key=value ...`: changes only the lines of those keys, validates first.
@Suite struct SetCommandTests {
    static let handWritten = """
        ---
        kind: day
        date: 2026-11-20
        # how the day felt, 1-5
        energy: 3 # meh
        mood: 4
        tags:
          - travel
          - deadline
        work_h: 8
        ---

        ## Notes
        Hand written, with a trailing space here: 
        """

    @Test func setChangesExactlyTheKeysLines() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("days/2026/2026-11-20.md", Self.handWritten)
        let result = try notebook.hearth("set", "days/2026/2026-11-20.md", "energy=2", "mood=5", "sleep_h=7.5")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "days/2026/2026-11-20.md\n")
        let expected = Self.handWritten
            .replacingOccurrences(of: "energy: 3 # meh\n", with: "energy: 2 # meh\n")
            .replacingOccurrences(of: "mood: 4\n", with: "mood: 5\n")
            .replacingOccurrences(of: "work_h: 8\n", with: "work_h: 8\nsleep_h: 7.5\n")
        #expect(try notebook.text("days/2026/2026-11-20.md") == expected)
    }

    @Test func setKeepsCRLFLineEndingsAndComments() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let crlf = Self.handWritten.replacingOccurrences(of: "\n", with: "\r\n")
        try notebook.write("days/2026/2026-11-20.md", crlf)
        let result = try notebook.hearth("set", "2026-11-20", "energy=1", "tags=[home]", "sick=true")
        #expect(result.status == 0, "\(result)")
        let expected = crlf
            .replacingOccurrences(of: "energy: 3 # meh\r\n", with: "energy: 1 # meh\r\n")
            .replacingOccurrences(of: "tags:\r\n  - travel\r\n  - deadline\r\n", with: "tags:\r\n  - home\r\n")
            .replacingOccurrences(of: "work_h: 8\r\n", with: "work_h: 8\r\nsick: true\r\n")
        let actual = try notebook.bytes("days/2026/2026-11-20.md")
        #expect(String(decoding: actual, as: UTF8.self) == expected)
        // Every line still ends in CRLF: no bare LF was introduced.
        for (index, byte) in actual.enumerated() where byte == 0x0A {
            #expect(index > 0 && actual[index - 1] == 0x0D, "bare LF at byte \(index)")
        }
    }

    @Test(arguments: [
        ("bedtime=23:30", "bedtime: \"23:30\""),
        ("sick=true", "sick: true"),
        ("sick=false", "sick: false"),
        ("tags=[a, b]", "tags: [a, b]"),
        ("tags=[a,b]", "tags: [a, b]"),
        ("energy=5", "energy: 5"),
        ("work_h=10.5", "work_h: 10.5"),
        ("place=no", "place: \"no\""),
        ("code=007", "code: \"007\""),
        ("note=a #b", "note: \"a #b\""),
        ("title=2026", "title: \"2026\""),
    ])
    func valuesAreWrittenSoTheyReadBackAsTyped(assignment: String, line: String) throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let original = "---\nkind: day\ndate: 2026-11-20\nenergy: 3\ntags: []\n---\nbody\n"
        try notebook.write("days/2026/2026-11-20.md", original)
        let result = try notebook.hearth("set", "2026-11-20", assignment)
        #expect(result.status == 0, "\(result)")
        let key = String(assignment.prefix { $0 != "=" })
        let expected: String
        if original.contains("\n\(key): ") {
            expected = original.replacingOccurrences(of: original.components(separatedBy: "\n").first { $0.hasPrefix(key + ": ") }! + "\n",
                                                     with: line + "\n")
        } else {
            expected = original.replacingOccurrences(of: "tags: []\n", with: "tags: []\n\(line)\n")
        }
        #expect(try notebook.text("days/2026/2026-11-20.md") == expected)
    }

    @Test func aQuotedListItemMayContainAComma() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let original = "---\nkind: day\ndate: 2026-11-20\ntags: []\n---\nbody\n"
        try notebook.write("days/2026/2026-11-20.md", original)
        let result = try notebook.hearth("set", "2026-11-20", "tags=[a, \"b, c\"]")
        #expect(result.status == 0, "\(result)")
        let show = try notebook.hearth("show", "2026-11-20", "--json")
        let object = try JSONSerialization.jsonObject(with: show.stdoutData) as? [String: Any]
        let tags = (object?["front_matter"] as? [String: Any])?["tags"] as? [String]
        let text = try notebook.text("days/2026/2026-11-20.md")
        #expect(tags == ["a", "b, c"], "\(text)")
        #expect(text == original.replacingOccurrences(of: "tags: []", with: "tags: [a, \"b, c\"]"))
    }

    @Test(arguments: ["energy=9", "energy=0", "energy=2.5", "sick=maybe", "sick=yes", "work_h=25", "mood=high"])
    func anInvalidValueExits1AndLeavesTheFileByteIdentical(assignment: String) throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("days/2026/2026-11-20.md", Self.handWritten)
        // A valid assignment before the invalid one must not be written either.
        let result = try notebook.hearth("set", "2026-11-20", "mood=1", assignment)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains(String(assignment.prefix { $0 != "=" })))
        #expect(result.stdout.isEmpty)
        #expect(try notebook.text("days/2026/2026-11-20.md") == Self.handWritten)
    }

    @Test func aRefusedValueNamesTheFileAndTheKeysLine() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("days/2026/2026-11-20.md", Self.handWritten)
        let result = try notebook.hearth("set", "2026-11-20", "energy=9")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("days/2026/2026-11-20.md:5"), "\(result.stderr)")
        #expect(try notebook.text("days/2026/2026-11-20.md") == Self.handWritten)
    }

    @Test func setTodayCreatesTodaysDayWhenMissing() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let result = try notebook.hearth("set", "today", "energy=2")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "days/2026/2026-11-22.md\n")
        #expect(try notebook.text("days/2026/2026-11-22.md")
                == NewCommandTests.dayTemplate.replacingOccurrences(of: "energy:\n", with: "energy: 2\n"))
    }

    @Test func setTodayWithAnInvalidValueCreatesNothing() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let result = try notebook.hearth("set", "today", "energy=9")
        #expect(result.status == 1, "\(result)")
        // `hearth set --help`: "Nothing is written unless every value is valid."
        let status = try notebook.git("status", "--porcelain", "--untracked-files=all").stdout
        #expect(!notebook.exists("days/2026/2026-11-22.md"))
        #expect(status.isEmpty, "\(status)")
    }

    @Test func setRefusesMalformedFrontMatterAndNamesTheLine() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let broken = "---\nkind: day\ndate: 2026-11-20\nenergy: 3\nmood: : x\n---\nbody\n"
        try notebook.write("days/2026/2026-11-20.md", broken)
        let result = try notebook.hearth("set", "2026-11-20", "energy=2")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("days/2026/2026-11-20.md:5:"), "\(result.stderr)")
        #expect(try notebook.text("days/2026/2026-11-20.md") == broken)
    }

    @Test func setRefusesUnclosedFrontMatter() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let broken = "---\nkind: day\nenergy: 3\n\nno closing fence\n"
        try notebook.write("days/2026/2026-11-20.md", broken)
        let result = try notebook.hearth("set", "2026-11-20", "energy=2")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("days/2026/2026-11-20.md:1:"), "\(result.stderr)")
        #expect(try notebook.text("days/2026/2026-11-20.md") == broken)
    }

    @Test func setAddsFrontMatterToAPlainNote() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/plain.md", "# Plain\n\nNo front-matter.\n")
        let result = try notebook.hearth("set", "notes/plain.md", "tags=[x]")
        #expect(result.status == 0, "\(result)")
        #expect(try notebook.text("notes/plain.md") == "---\ntags: [x]\n---\n# Plain\n\nNo front-matter.\n")
    }

    @Test func usageErrors() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("days/2026/2026-11-20.md", Self.handWritten)
        #expect(try notebook.hearth("set", "2026-11-20").status == 2)
        #expect(try notebook.hearth("set").status == 2)
        let malformed = try notebook.hearth("set", "2026-11-20", "energy")
        #expect(malformed.status != 0)
        #expect(try notebook.text("days/2026/2026-11-20.md") == Self.handWritten)
    }

    /// `show --json`'s value of one front-matter key.
    private func shown(_ notebook: TemporaryNotebook, _ reference: String, _ key: String) throws -> String {
        let show = try notebook.hearth("show", reference, "--json")
        let object = try JSONSerialization.jsonObject(with: show.stdoutData) as? [String: Any]
        let value = try #require((object?["front_matter"] as? [String: Any])?[key], "\(show)")
        return String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
    }

    @Test func aCommentHeadingABlockListSurvivesRemovingTheFirstItem() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let original = "---\nkind: day\ndate: 2026-11-22\ntags:\n  # topics, keep sorted\n  - alpha\n  - travel\nmood: 4\n---\nbody\n"
        try notebook.write("days/2026/2026-11-22.md", original)
        let result = try notebook.hearth("set", "today", "tags=[travel]")
        #expect(result.status == 0, "\(result)")
        #expect(try notebook.text("days/2026/2026-11-22.md")
                == original.replacingOccurrences(of: "  - alpha\n", with: ""))
    }

    /// Items are matched by text, so a kept `- "2026"` stays a string; a new `2027` is written as
    /// `set` reads it in a flow list, a number, exactly as on a key written `tags: [...]`.
    @Test func blockListItemsKeepTheirQuotingAndNewItemsReadAsTyped() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let block = "---\nkind: day\ndate: 2026-11-22\ntags:\n  - \"2026\"\n  - travel\n---\nbody\n"
        try notebook.write("days/2026/2026-11-22.md", block)
        let result = try notebook.hearth("set", "today", "tags=[2026, travel, x, 2027, \"2028\"]")
        #expect(result.status == 0, "\(result)")
        #expect(try notebook.text("days/2026/2026-11-22.md")
                == block.replacingOccurrences(of: "  - travel\n", with: "  - travel\n  - x\n  - 2027\n  - \"2028\"\n"))
        #expect(try shown(notebook, "today", "tags") == #"["2026","travel","x",2027,"2028"]"#)

        // The same new items on a flow list read back as the same types.
        try notebook.write("days/2026/2026-11-21.md", "---\nkind: day\ndate: 2026-11-21\ntags: []\n---\nbody\n")
        #expect(try notebook.hearth("set", "2026-11-21", "tags=[x, 2027, \"2028\"]").status == 0)
        #expect(try shown(notebook, "2026-11-21", "tags") == #"["x",2027,"2028"]"#)
    }
}
