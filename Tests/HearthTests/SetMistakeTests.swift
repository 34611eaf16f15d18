import Foundation
import Testing

/// The mistakes a person makes typing `hearth set` (issue 12, section 6), through the real binary:
/// each is written as meant or refused with exit 2, and a refusal changes no byte on disk.
@Suite struct SetMistakeTests {
    static let day = "---\nkind: day\ndate: 2026-11-20\nenergy: 3\nmood:\ntags: []\nbedtime: \"23:00\"\n---\n\n## Notes\n"
    static let path = "days/2026/2026-11-20.md"

    /// A notebook holding `day`, committed, so `git status` shows any change at all.
    private func committedNotebook() throws -> TemporaryNotebook {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write(Self.path, Self.day)
        try notebook.git("add", "-A").requireSuccess()
        try notebook.git("commit", "-qm", "day").requireSuccess()
        return notebook
    }

    /// Runs `hearth arguments` and checks it was refused with exit 2, nothing on stdout, and
    /// neither the files' bytes nor `git status` changed; returns stderr.
    private func refused(_ notebook: TemporaryNotebook, _ arguments: String...) throws -> String {
        let files = try notebook.snapshot()
        let status = try notebook.git("status", "--porcelain", "--untracked-files=all").stdout
        let result = try notebook.hearth(arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(try notebook.snapshot() == files, "\(arguments)")
        #expect(try notebook.git("status", "--porcelain", "--untracked-files=all").stdout == status, "\(arguments)")
        return result.stderr
    }

    @Test func spacesAroundTheEqualsSignSetTheKeyMeant() throws {
        let notebook = try committedNotebook()
        let result = try notebook.hearth("set", "2026-11-20", "energy = 2", " mood= 4")
        #expect(result.status == 0, "\(result)")
        #expect(try notebook.text(Self.path) == Self.day.replacingOccurrences(of: "energy: 3\nmood:\n", with: "energy: 2\nmood: 4\n"))
    }

    @Test(arguments: [
        ("Mood=4", "hearth: error: days/2026/2026-11-20.md:5: unknown key 'Mood'; did you mean mood? Nothing was written (use --new-key to add 'Mood' as it is)\n"),
        ("enrgy=2", "hearth: error: days/2026/2026-11-20.md:4: unknown key 'enrgy'; did you mean energy? Nothing was written (use --new-key to add 'enrgy' as it is)\n"),
        ("tag=x", "hearth: error: days/2026/2026-11-20.md:6: unknown key 'tag'; did you mean tags? Nothing was written (use --new-key to add 'tag' as it is)\n"),
        ("Bedtime=23:30", "hearth: error: days/2026/2026-11-20.md:7: unknown key 'Bedtime'; did you mean bedtime? Nothing was written (use --new-key to add 'Bedtime' as it is)\n"),
        ("exhaustoin=3", "hearth: error: days/2026/2026-11-20.md: unknown key 'exhaustoin'; did you mean exhaustion? Nothing was written (use --new-key to add 'exhaustoin' as it is)\n"),
    ])
    func aKeyOffByCaseOrATypoIsRefusedWithTheKeyMeant(assignment: String, message: String) throws {
        let notebook = try committedNotebook()
        // The valid assignment before it is not written either.
        let stderr = try refused(notebook, "set", "2026-11-20", "sleep_h=7", assignment)
        #expect(stderr == message)
    }

    @Test func newKeyAddsTheKeyAsTyped() throws {
        let notebook = try committedNotebook()
        let result = try notebook.hearth("set", "2026-11-20", "Mood=4", "--new-key")
        #expect(result.status == 0, "\(result)")
        #expect(try notebook.text(Self.path) == Self.day.replacingOccurrences(of: "\n---\n\n", with: "\nMood: 4\n---\n\n"))
        // Now the entry has it, so it is set without the flag.
        #expect(try notebook.hearth("set", "2026-11-20", "Mood=5").status == 0)
        #expect(try notebook.text(Self.path).contains("\nMood: 5\n"))
    }

    @Test func keysOfTheUsersOwnNeedNoFlag() throws {
        let notebook = try committedNotebook()
        let result = try notebook.hearth("set", "2026-11-20", "walk_h=1", "place=Lisbon")
        #expect(result.status == 0, "\(result)")
        #expect(try notebook.text(Self.path).contains("\nwalk_h: 1\nplace: Lisbon\n---\n"))
    }

    @Test(arguments: [
        ("my key=1", "hearth: error: 'my key' cannot be a key: ' ' (a space) would need quotes in YAML; use letters, digits, _ and -, e.g. my_key\n"),
        ("a#b=1", "hearth: error: 'a#b' cannot be a key: '#' would need quotes in YAML; use letters, digits, _ and -, e.g. a_b\n"),
        ("yes=1", "hearth: error: 'yes' cannot be a key: YAML reads 'yes' as a boolean, not a name; choose a word\n"),
    ])
    func aKeyYAMLWouldQuoteIsRefusedNamingTheCharacter(assignment: String, message: String) throws {
        let notebook = try committedNotebook()
        #expect(try refused(notebook, "set", "2026-11-20", assignment) == message)
    }

    @Test func aListKeyTakesCommaSeparatedItems() throws {
        let notebook = try committedNotebook()
        let result = try notebook.hearth("set", "2026-11-20", "tags=work,gym", "symptoms=cough, fever")
        #expect(result.status == 0, "\(result)")
        #expect(try notebook.text(Self.path) == Self.day
            .replacingOccurrences(of: "tags: []\n", with: "tags: [work, gym]\n")
            .replacingOccurrences(of: "\n---\n\n", with: "\nsymptoms: [cough, fever]\n---\n\n"))
        let show = try notebook.hearth("show", "2026-11-20", "--json")
        let object = try JSONSerialization.jsonObject(with: show.stdoutData) as? [String: Any]
        #expect((object?["front_matter"] as? [String: Any])?["tags"] as? [String] == ["work", "gym"])
        #expect(try notebook.hearth("list", "--tag", "gym").stdout.contains(Self.path))
    }

    @Test func anUnclosedListIsRefused() throws {
        let notebook = try committedNotebook()
        let stderr = try refused(notebook, "set", "2026-11-20", "tags=[work, gym")
        #expect(stderr == "hearth: error: days/2026/2026-11-20.md:6: tags=[work, gym: the list is not closed (no ']'); write tags=[work, gym] or tags=work,gym; nothing was written\n")
        let text = try refused(notebook, "set", "2026-11-20", "note=[draft")
        #expect(text.contains("note=[draft: the list is not closed (no ']'); write note=[draft] for a list, or quote the text"), "\(text)")
    }

    @Test func itemsThatDoNotMakeAListAreRefusedWithTheWayToWriteThem() throws {
        let notebook = try committedNotebook()
        let stderr = try refused(notebook, "set", "2026-11-20", "tags=a,[b")
        #expect(stderr == "hearth: error: days/2026/2026-11-20.md:6: tags=a,[b: not a list YAML can read; write tags=[a, b] or tags=a,b; nothing was written\n")
    }

    /// A second `=` is a slip of the command line like the others: a usage refusal, exit 2.
    @Test func aValueWithASecondEqualsSignThatDoesNotFitIsAUsageRefusal() throws {
        let notebook = try committedNotebook()
        let stderr = try refused(notebook, "set", "2026-11-20", "energy=3=4")
        #expect(stderr.hasPrefix("hearth: error: days/2026/2026-11-20.md:"), "\(stderr)")
        #expect(stderr.hasSuffix(": energy=3=4: energy must be a whole number from 1 to 5; one '=' separates the key from its value; nothing was written\n"), "\(stderr)")
        #expect(try refused(notebook, "new", "day", "--no-edit", "--set", "mood=2=3").contains("one '=' separates"))
        // A value that fits keeps its `=`; a value that does not fit without one is exit 1.
        #expect(try notebook.hearth("set", "2026-11-20", "title=a=b").status == 0)
        #expect(try notebook.text(Self.path).contains("title: a=b\n"))
        #expect(try notebook.hearth("set", "2026-11-20", "energy=9").status == 1)
    }

    @Test func setOnAMissingDayCreatesNothingOnARefusal() throws {
        let notebook = try committedNotebook()
        for assignment in ["Mood=4", "my key=1", "tags=[a"] {
            _ = try refused(notebook, "set", "today", assignment)
            #expect(!notebook.exists("days/2026/2026-11-22.md"))
        }
    }

    @Test func newRefusesTheSameMistakesInSet() throws {
        let notebook = try committedNotebook()
        let stderr = try refused(notebook, "new", "day", "--no-edit", "--set", "Mood=4")
        #expect(stderr == "hearth: error: unknown key 'Mood'; did you mean mood? (use --new-key to add 'Mood' as it is)\n")
        #expect(try refused(notebook, "new", "day", "--no-edit", "--set", "tags=[a").contains("the list is not closed"))
        #expect(try refused(notebook, "new", "day", "--no-edit", "--set", "my key=1").contains("' ' (a space)"))
        // An existing day is held to the same rule.
        #expect(try refused(notebook, "new", "day", "--date", "2026-11-20", "--no-edit", "--set", "Mood=4").contains("did you mean mood?"))

        let added = try notebook.hearth("new", "day", "--no-edit", "--set", "Mood=4", "--new-key", "--set", "energy = 2", "--set", "tags=a,b")
        #expect(added.status == 0, "\(added)")
        let text = try notebook.text("days/2026/2026-11-22.md")
        #expect(text.contains("\nenergy: 2\n") && text.contains("\ntags: [a, b]\n") && text.contains("\nMood: 4\n"), "\(text)")
    }

    @Test func checkWarnsAboutANearMissOfAKnownKeyOnly() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write(Self.path, "---\nkind: day\ndate: 2026-11-20\nMood: 4\nenrgy: 2\nwalk_h: 1\nbedtime: \"23:00\"\n---\n")
        try notebook.write("notes/ideas.md", "---\nTags: [x]\n---\n")
        let check = try notebook.hearth("check")
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout == """
            days/2026/2026-11-20.md:4: warning: unknown key 'Mood'; did you mean mood? (rename it to mood, or keep it if it is a key of your own)
            days/2026/2026-11-20.md:5: warning: unknown key 'enrgy'; did you mean energy? (rename it to energy, or keep it if it is a key of your own)

            """)
        #expect(check.stderr == "checked 2 entries: 0 errors, 2 warnings\n")
    }

    @Test func unsetNamesTheKeyMeant() throws {
        let notebook = try committedNotebook()
        let result = try notebook.hearth("unset", "2026-11-20", "Energy")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "hearth: days/2026/2026-11-20.md has no 'Energy'; nothing to remove (did you mean energy?)\n")
        #expect(try notebook.text(Self.path) == Self.day)
    }
}
