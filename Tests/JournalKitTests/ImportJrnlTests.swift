import Foundation
@testable import JournalKit
import NoteKit
import Testing

/// jrnl's JSON export mapped to notes: paths, front-matter, bodies, stable ids and bad input.
@Suite("Import jrnl")
struct ImportJrnlTests {
    /// `Fixtures/import/<name>`, found from this file so tests run from any directory.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/import/\(name)").path
    }

    private func entries() throws -> [ImportedEntry] {
        try ImportSource.jrnl.entries(atPath: Self.fixture("jrnl.json"), file: "jrnl.json")
    }

    private func parse(_ json: String) throws(ImportError) -> [ImportedEntry] {
        try ImportSource.jrnl.entries(from: Data(json.utf8), file: "export.json")
    }

    @Test func fixtureMapsToNotesAtTheExpectedPaths() throws {
        let plan = ImportPlan(entries: try entries(), alreadyImported: [], isTaken: { _ in false })
        #expect(plan.notes.map(\.path) == [
            "notes/jrnl/2024-01-05-grant-review-budget-section.md",
            "notes/jrnl/2024-01-08-standup.md",
            // Same day, same title: the second gets -2.
            "notes/jrnl/2024-01-08-standup-2.md",
            // Accents folded rather than dropped.
            "notes/jrnl/2024-01-09-cafe-mit-jorg-und-zoe.md",
            "notes/jrnl/2024-01-10-slept-badly-again.md",
        ])
        #expect(plan.skipped.isEmpty)
    }

    @Test func fixtureFieldsAreMappedOneByOne() throws {
        let entries = try entries()
        #expect(entries.map(\.date.description) == ["2024-01-05", "2024-01-08", "2024-01-08", "2024-01-09", "2024-01-10"])
        #expect(entries.map(\.time) == ["09:12", "08:30", "17:45", "21:10", "07:00"])
        #expect(entries.map(\.title) == ["Grant review: budget section", "Standup.", "Standup.", "Café mit Jörg und Zoë.",
                                         "Slept badly again."])
        #expect(entries.map(\.tags) == [["work"], ["work"], ["work", "meetings"], ["family"], []])
        #expect(entries.map(\.starred) == [false, false, false, true, false])
        #expect(entries.allSatisfy { $0.source == .jrnl })
    }

    @Test func noteTextIsExactlyAsExpected() throws {
        let entries = try entries()
        #expect(entries[0].note(at: "notes/jrnl/x.md").text == """
            ---
            kind: note
            date: 2024-01-05
            time: "09:12"
            title: "Grant review: budget section"
            tags: [work]
            source: jrnl
            source_id: bb0b4b55556880f3
            source_hash: d70fca33613b4407
            ---

            # Grant review: budget section

            Ana thinks the budget needs another pass before Friday. @work

            """)
        #expect(entries[3].note(at: "notes/jrnl/y.md").text == """
            ---
            kind: note
            date: 2024-01-09
            time: "21:10"
            title: Café mit Jörg und Zoë.
            tags: [family]
            starred: true
            source: jrnl
            source_id: e0691d7dbbf407da
            source_hash: 99ed2a1eab506ce1
            ---

            # Café mit Jörg und Zoë.

            Wir haben über die Grüße aus München gelacht. 🌿 @family

            """)
        // An empty jrnl body leaves just the heading.
        #expect(entries[4].note(at: "z.md").body == "\n# Slept badly again.\n")
        // A body with a line break and quotes is kept verbatim.
        #expect(entries[2].note(at: "z.md").body == "\n# Standup.\n\nAfternoon sync moved to chat.\nLoader fixed, \"finally\". @work @meetings\n")
    }

    @Test func notesReadBackWithTypedValues() throws {
        let note = try entries()[1].note(at: "notes/jrnl/2024-01-08-standup.md")
        let reparsed = try Note(parsing: note.text, path: note.path)
        #expect(reparsed["kind"]?.string == "note")
        #expect(reparsed["date"]?.date == LocalDate("2024-01-08"))
        // Quoted, so YAML 1.1 readers do not see the sexagesimal number 510.
        #expect(reparsed["time"]?.scalar?.style == .doubleQuoted)
        #expect(reparsed["time"]?.string == "08:30")
        #expect(reparsed.tags == ["work"])
        #expect(reparsed["source"]?.string == "jrnl")
        #expect(reparsed["source_id"]?.string == "cc924709c2de5bae")
        #expect(EntryValidator.problems(in: reparsed).isEmpty)
    }

    @Test func sourceIDsAreStableAndDependOnEveryPart() throws {
        // Pinned: a change here would make every earlier import look new.
        #expect(ImportJrnl.sourceID(date: "2024-01-05", time: "09:12", title: "Grant review: budget section",
                                    body: "Ana thinks the budget needs another pass before Friday. @work") == "bb0b4b55556880f3")
        #expect(try entries().map(\.sourceID) == (try entries()).map(\.sourceID))
        let base = ImportJrnl.sourceID(date: "2024-01-05", time: "09:12", title: "T", body: "B")
        #expect(ImportJrnl.sourceID(date: "2024-01-06", time: "09:12", title: "T", body: "B") != base)
        #expect(ImportJrnl.sourceID(date: "2024-01-05", time: "09:13", title: "T", body: "B") != base)
        #expect(ImportJrnl.sourceID(date: "2024-01-05", time: "09:12", title: "T2", body: "B") != base)
        #expect(ImportJrnl.sourceID(date: "2024-01-05", time: "09:12", title: "T", body: "B2") != base)
        // The separator keeps "T"+"B" and "TB"+"" apart.
        #expect(ImportJrnl.sourceID(date: "2024-01-05", time: "09:12", title: "TB", body: "") != base)
        #expect(Set(try entries().map(\.sourceID)).count == 5)
    }

    @Test(arguments: [
        ("", "cbf29ce484222325"),
        ("a", "af63dc4c8601ec8c"),
        ("foobar", "85944171f73967e8"),
    ])
    func fnv1a64MatchesPublishedVectors(input: String, expected: String) {
        #expect(ImportFingerprint.fnv1a64Hex(Array(input.utf8)) == expected)
    }

    /// Stored in every imported note's `source_hash:`: computed by the code before the shared
    /// FNV-1a, so a later import still recognises notes nobody touched.
    @Test func noteHashIsPinned() {
        #expect(ImportFingerprint.noteHash("---\ndate: 2024-01-05\nsource_hash: 0\n---\nGrant review ☕\n") == "893c68ce541483f8")
    }

    /// The weekly review's "random" picks follow from the day: pinned to SplitMix64's published
    /// outputs for seed 0, so a shared generator changes no review.
    @Test func reviewGeneratorIsSplitMix64() {
        var generator = SplitMix64(seed: 0)
        #expect((0..<3).map { _ in generator.next() } == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test func missingTagsAndStarredReadAsNone() throws {
        let entries = try parse(#"{"entries": [{"title": "T", "body": "", "date": "2024-02-29", "time": "23:59"}]}"#)
        #expect(entries.count == 1)
        #expect(entries[0].tags == [])
        #expect(entries[0].starred == false)
        #expect(entries[0].date == LocalDate("2024-02-29"))
    }

    @Test(arguments: [
        (#"{"entries": [{"body": "", "date": "2024-01-05", "time": "09:12"}]}"#,
         ImportError.invalidEntry(file: "export.json", index: 0, field: "title", problem: "is missing")),
        (#"{"entries": [{"title": "a", "body": "", "date": "2024-01-05", "time": "09:12"}, {"title": "b", "body": "", "time": "09:12"}]}"#,
         .invalidEntry(file: "export.json", index: 1, field: "date", problem: "is missing")),
        (#"{"entries": [{"title": "a", "body": "", "date": "05.01.2024", "time": "09:12"}]}"#,
         .invalidEntry(file: "export.json", index: 0, field: "date", problem: "is '05.01.2024', not a date like 2024-01-05")),
        (#"{"entries": [{"title": "a", "body": "", "date": "2024-01-05", "time": "24:00"}]}"#,
         .invalidEntry(file: "export.json", index: 0, field: "time", problem: "is '24:00', not a time like 09:12")),
        (#"{"entries": [{"title": "a", "body": 3, "date": "2024-01-05", "time": "09:12"}]}"#,
         .invalidEntry(file: "export.json", index: 0, field: "body", problem: "is a number, not a string")),
        (#"{"entries": [{"title": "a", "body": "", "date": "2024-01-05", "time": "09:12", "tags": "@work"}]}"#,
         .invalidEntry(file: "export.json", index: 0, field: "tags", problem: "is a string, not a list of strings")),
        (#"{"entries": [{"title": "a", "body": "", "date": "2024-01-05", "time": "09:12", "starred": "yes"}]}"#,
         .invalidEntry(file: "export.json", index: 0, field: "starred", problem: "is a string, not true or false")),
        (#"{"entries": ["just text"]}"#,
         .invalidEntry(file: "export.json", index: 0, field: nil, problem: "is a string, not an object")),
        (#"{"tags": {}}"#, .wrongShape(file: "export.json", source: .jrnl, problem: "there is no 'entries' list")),
        (#"{"entries": {}}"#, .wrongShape(file: "export.json", source: .jrnl, problem: "'entries' is an object, not a list")),
        (#"[]"#, .wrongShape(file: "export.json", source: .jrnl, problem: "the top level is a list, not an object")),
    ])
    func badEntriesAreNamedByIndexAndField(json: String, expected: ImportError) {
        #expect(throws: expected) { try parse(json) }
    }

    @Test func errorMessagesNameTheFileAndEntry() {
        let error = ImportError.invalidEntry(file: "export.json", index: 1, field: "date", problem: "is missing")
        #expect(error.description == "export.json: entries[1] (entry 2): 'date' is missing; nothing was imported")
    }

    @Test func textThatIsNotJSONIsReportedWithTheParsersReason() throws {
        do {
            _ = try parse(#"{"entries": [ {"title": "#)
            Issue.record("expected an error")
        } catch {
            guard case .notJSON(let file, let reason) = error else { Issue.record("wrong error \(error)"); return }
            #expect(file == "export.json")
            #expect(!reason.isEmpty)
            #expect(error.description.hasPrefix("export.json: not valid JSON ("))
        }
    }

    @Test func aMissingFileIsAnUnreadableFileError() {
        #expect {
            try ImportSource.jrnl.entries(atPath: "/nonexistent/hearth/export.json", file: "export.json")
        } throws: { error in
            guard case .unreadableFile(let file, _) = error as? ImportError else { return false }
            return file == "export.json"
        }
    }

    @Test(arguments: [
        ("Met @alice about @project.", "Met alice about project.", ["alice", "project"]),
        ("Mail ana@example.org about @q3-plan", "Mail ana@example.org about q3-plan", ["q3-plan"]),
        ("Costs @ 5 euros, (@travel)", "Costs @ 5 euros, (travel)", ["travel"]),
        ("@start and end@", "start and end@", ["start"]),
        ("No tags here", "No tags here", []),
    ])
    func titleTagsLoseTheirAt(title: String, expected: String, tags: [String]) {
        let result = ImportJrnl.untagged(title)
        #expect(result.title == expected)
        #expect(result.tags == tags)
    }
}
