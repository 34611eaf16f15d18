import Foundation
import Testing

/// `hearth import jrnl|dayone FILE` run as a real binary on real temporary notebooks.
@Suite struct ImportCommandTests {
    /// `Fixtures/import/<name>`, found from this file so tests run from any directory.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/import/\(name)").path
    }

    static let jrnlPaths = [
        "notes/jrnl/2024-01-05-grant-review-budget-section.md",
        "notes/jrnl/2024-01-08-standup.md",
        "notes/jrnl/2024-01-08-standup-2.md",
        "notes/jrnl/2024-01-09-cafe-mit-jorg-und-zoe.md",
        "notes/jrnl/2024-01-10-slept-badly-again.md",
    ]

    /// The notebook's files without the ones `hearth init` wrote, to compare before and after.
    private func entryFiles(_ notebook: TemporaryNotebook) throws -> [String: [UInt8]] {
        try notebook.snapshot().filter { $0.key.hasPrefix("notes/") }
    }

    @Test func jrnlImportCreatesOneNotePerEntry() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let result = try notebook.hearth("import", "jrnl", Self.fixture("jrnl.json"))
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == Self.jrnlPaths)
        #expect(result.stderr == "imported 5 entries, skipped 0 already present\n")
        #expect(try entryFiles(notebook).keys.sorted() == Self.jrnlPaths.sorted())
        #expect(try notebook.text("notes/jrnl/2024-01-08-standup-2.md") == """
            ---
            kind: note
            date: 2024-01-08
            time: "17:45"
            title: Standup.
            tags: [work, meetings]
            source: jrnl
            source_id: 433945bd6d2fae07
            source_hash: d78b00a363680160
            ---

            # Standup.

            Afternoon sync moved to chat.
            Loader fixed, "finally". @work @meetings

            """)
    }

    @Test func secondImportOfTheSameFileAddsNothing() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let first = try notebook.hearth("import", "jrnl", Self.fixture("jrnl.json"))
        #expect(first.status == 0, "\(first)")
        let before = try notebook.snapshot()
        let second = try notebook.hearth("import", "jrnl", Self.fixture("jrnl.json"))
        #expect(second.status == 0, "\(second)")
        #expect(second.stdout.isEmpty)
        #expect(second.stderr == "imported 0 entries, skipped 5 already present\n")
        #expect(try notebook.snapshot() == before)
    }

    @Test func renamedImportedNotesStillCountAsPresent() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        #expect(try notebook.hearth("import", "jrnl", Self.fixture("jrnl.json")).status == 0)
        try FileManager.default.moveItem(at: notebook.url("notes/jrnl/2024-01-08-standup.md"),
                                         to: notebook.url("notes/monday-standup.md"))
        let again = try notebook.hearth("import", "jrnl", Self.fixture("jrnl.json"))
        #expect(again.status == 0, "\(again)")
        #expect(again.stdout.isEmpty)
        #expect(!notebook.exists("notes/jrnl/2024-01-08-standup.md"))
    }

    @Test func importedNotesAreFoundByListAndPassCheck() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        #expect(try notebook.hearth("import", "jrnl", Self.fixture("jrnl.json")).status == 0)
        let list = try notebook.hearth("list", "--kind", "note", "--tag", "work")
        #expect(list.status == 0, "\(list)")
        let listed = list.stdoutLines.compactMap { $0.split(separator: " ").map(String.init).first { $0.hasSuffix(".md") } }
        #expect(listed.sorted() == Array(Self.jrnlPaths.prefix(3)).sorted())
        #expect(list.stdoutLines.first?.hasPrefix("2024-01-05  note  ") == true, "\(list.stdout)")
        let check = try notebook.hearth("check")
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout.isEmpty, "\(check.stdout)")
        #expect(check.stderr.contains("0 errors, 0 warnings"), "\(check.stderr)")
    }

    @Test func dayOneImportUsesTheWritersLocalDateAndTime() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let result = try notebook.hearth("import", "dayone", Self.fixture("dayone.json"))
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == [
            "notes/dayone/2024-01-05-sprint-retro-what-we-learned.md",
            "notes/dayone/2024-01-05-late-walk.md",
            "notes/dayone/2024-01-08-fruhstuck-mit-yuki-wir-haben-uber-kyoto-gesprochen.md",
            "notes/dayone/2024-01-08-lunch-with-sam.md",
        ])
        #expect(result.stderr == "imported 4 entries, skipped 0 already present\n")
        // Written at 02:30 UTC on the 6th, in Los Angeles: the evening of the 5th.
        #expect(try notebook.text("notes/dayone/2024-01-05-late-walk.md") == """
            ---
            kind: note
            date: 2024-01-05
            time: "18:30"
            title: Late walk
            tags: [health]
            source: dayone
            source_id: C0FFEE0123456789ABCDEF0123456789
            source_hash: bd61353a1b307b26
            ---

            # Late walk

            Cold and clear; the city was quiet.

            """)
        let check = try notebook.hearth("check")
        #expect(check.status == 0, "\(check)")
        let again = try notebook.hearth("import", "dayone", Self.fixture("dayone.json"))
        #expect(again.status == 0 && again.stdout.isEmpty, "\(again)")
        #expect(again.stderr == "imported 0 entries, skipped 4 already present\n")
    }

    @Test func badJSONExitsOneAndWritesNothing() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let bad = notebook.base.appendingPathComponent("broken.json")
        try notebook.write(bad, bytes: Array(#"{"entries": [ {"title": "x", "#.utf8))
        let before = try notebook.snapshot()
        let result = try notebook.hearth("import", "jrnl", bad.path)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("hearth: error: \(bad.path): not valid JSON"), "\(result.stderr)")
        #expect(try notebook.snapshot() == before)
    }

    @Test func aBadEntryAfterGoodOnesWritesNothingAndNamesTheEntry() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write(notebook.base.appendingPathComponent("export.json"), bytes: Array("""
            {"tags": {}, "entries": [
              {"title": "Fine.", "body": "", "date": "2024-01-05", "time": "09:00", "tags": [], "starred": false},
              {"title": "No date.", "body": "", "time": "09:00", "tags": [], "starred": false}
            ]}
            """.utf8))
        let before = try notebook.snapshot()
        // A path relative to -C's directory, as every hearth path is.
        let result = try notebook.hearth("-C", "nb", "import", "jrnl", "../export.json", in: notebook.base)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr == "hearth: error: ../export.json: entries[1] (entry 2): 'date' is missing; nothing was imported\n")
        #expect(try notebook.snapshot() == before)
    }

    @Test func wrongShapeAndMissingFileExitOne() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        // An object with `entries` whose first entry lacks jrnl's fields.
        try notebook.write("odd.json", #"{"entries": [{"text": "hello"}]}"#)
        let swapped = try notebook.hearth("import", "jrnl", "odd.json")
        #expect(swapped.status == 1, "\(swapped)")
        #expect(swapped.stderr.contains("entries[0] (entry 1): 'date' is missing"), "\(swapped.stderr)")
        let missing = try notebook.hearth("import", "dayone", "no-such-export.json")
        #expect(missing.status == 1, "\(missing)")
        #expect(missing.stderr.contains("no-such-export.json: cannot read the export"), "\(missing.stderr)")
        #expect(try entryFiles(notebook).isEmpty)
    }

    @Test func unknownSourceIsAUsageError() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let result = try notebook.hearth("import", "daylio", Self.fixture("jrnl.json"))
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("unknown source 'daylio'"), "\(result.stderr)")
        #expect(try entryFiles(notebook).isEmpty)
    }

    @Test func anUnreadableNoteStopsTheImportBeforeWriting() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/broken.md", "---\ntitle: never closed\n")
        let result = try notebook.hearth("import", "jrnl", Self.fixture("jrnl.json"))
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("notes/broken.md:1: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("cannot tell which entries were imported before"), "\(result.stderr)")
        #expect(try entryFiles(notebook).keys.sorted() == ["notes/broken.md"])
    }
}
