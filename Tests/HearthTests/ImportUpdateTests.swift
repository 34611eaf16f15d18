import Foundation
import Testing

/// `hearth import` run again on an export whose entries changed, jrnl's `@tags` in titles, and
/// an export given to the wrong importer: the real binary on real temporary notebooks.
@Suite struct ImportUpdateTests {
    static let path = "notes/jrnl/2024-02-01-met-alice-about-project.md"

    /// A jrnl export (`jrnl --export json`) of one entry with `body`, written as `export.json`.
    func writeExport(_ notebook: TemporaryNotebook, body: String) throws {
        let entry: [String: Any] = ["title": "Met @alice about @project.", "body": body, "date": "2024-02-01",
                                    "time": "10:30", "tags": ["@alice", "@project"], "starred": false]
        let data = try JSONSerialization.data(withJSONObject: ["tags": ["@alice": 1, "@project": 1], "entries": [entry]])
        try notebook.write("export.json", bytes: [UInt8](data))
    }

    func noteFiles(_ notebook: TemporaryNotebook) throws -> [String] {
        try notebook.snapshot().keys.filter { $0.hasPrefix("notes/") }.sorted()
    }

    @Test func titleTagsBecomeTagsAndLeaveTheTitleAndTheFileName() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try writeExport(notebook, body: "We agreed on a plan.")
        let result = try notebook.hearth("import", "jrnl", "export.json")
        #expect(result.status == 0 && result.stdoutLines == [Self.path], "\(result)")
        let text = try notebook.text(Self.path)
        #expect(text.contains("\ntitle: Met alice about project.\n"), "\(text)")
        #expect(text.contains("\ntags: [alice, project]\n"), "\(text)")
        #expect(text.contains("\n# Met alice about project.\n\nWe agreed on a plan.\n"), "\(text)")
        #expect(try notebook.hearth("check").status == 0)
    }

    @Test func reimportingAnEntryEditedInJrnlUpdatesItsNote() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try writeExport(notebook, body: "We agreed on a plan.")
        try notebook.hearth("import", "jrnl", "export.json").requireSuccess()
        let first = try notebook.text(Self.path)
        let sourceID = try #require(first.split(separator: "\n").first { $0.hasPrefix("source_id:") })

        try writeExport(notebook, body: "We agreed on a plan. Alice sends the draft on Friday.")
        let again = try notebook.hearth("import", "jrnl", "export.json")
        #expect(again.status == 0 && again.stdoutLines == [Self.path], "\(again)")
        #expect(again.stderr.contains("updated 1"), "\(again)")
        #expect(try noteFiles(notebook) == [Self.path])
        let updated = try notebook.text(Self.path)
        #expect(updated.contains("\nWe agreed on a plan. Alice sends the draft on Friday.\n"), "\(updated)")
        #expect(updated.split(separator: "\n").contains(sourceID), "\(updated)")

        // The same export once more: nothing to do.
        let third = try notebook.hearth("import", "jrnl", "export.json")
        #expect(third.status == 0 && third.stdout.isEmpty, "\(third)")
        #expect(third.stderr == "imported 0 entries, skipped 1 already present\n", "\(third)")
        #expect(try notebook.text(Self.path) == updated)
    }

    @Test func aNoteEditedInHearthSinceTheImportIsNeverOverwritten() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try writeExport(notebook, body: "We agreed on a plan.")
        try notebook.hearth("import", "jrnl", "export.json").requireSuccess()
        try notebook.hearth("set", Self.path, "mood=4").requireSuccess()
        let edited = try notebook.text(Self.path)

        // Unchanged in jrnl: skipped, the hearth edit stays.
        let same = try notebook.hearth("import", "jrnl", "export.json")
        #expect(same.status == 0 && same.stderr == "imported 0 entries, skipped 1 already present\n", "\(same)")

        try writeExport(notebook, body: "We agreed on a different plan.")
        let result = try notebook.hearth("import", "jrnl", "export.json")
        #expect(result.status == 0 && result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.contains("kept \(Self.path): its entry changed in jrnl, but the note was edited in hearth"), "\(result)")
        #expect(try notebook.text(Self.path) == edited)
        #expect(try noteFiles(notebook) == [Self.path])
    }

    @Test func eachImporterNamesTheOneThatFitsTheOthersExport() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let jrnl = ImportCommandTests.fixture("jrnl.json")
        let dayOne = ImportCommandTests.fixture("dayone.json")
        let wrongDayOne = try notebook.hearth("import", "dayone", jrnl)
        #expect(wrongDayOne.status == 1, "\(wrongDayOne)")
        #expect(wrongDayOne.stderr.contains("is a jrnl export (entries with title, body, date and time), not a dayone one: run hearth import jrnl \(jrnl)"), "\(wrongDayOne)")
        let wrongJrnl = try notebook.hearth("import", "jrnl", dayOne)
        #expect(wrongJrnl.status == 1, "\(wrongJrnl)")
        #expect(wrongJrnl.stderr.contains("run hearth import dayone \(dayOne)"), "\(wrongJrnl)")
        #expect(try noteFiles(notebook).isEmpty)
    }
}
