import Foundation
@testable import JournalKit
import NoteKit
import Testing

/// Day One's JSON export mapped to notes: local dates and times, titles, bodies and bad input.
@Suite("Import Day One")
struct ImportDayOneTests {
    private func entries() throws -> [ImportedEntry] {
        try ImportSource.dayOne.entries(atPath: ImportJrnlTests.fixture("dayone.json"), file: "dayone.json")
    }

    private func parse(_ json: String) throws(ImportError) -> [ImportedEntry] {
        try ImportSource.dayOne.entries(from: Data(json.utf8), file: "journal.json")
    }

    @Test func fixtureMapsToNotesAtTheExpectedPaths() throws {
        let plan = ImportPlan(entries: try entries(), alreadyImported: [], isTaken: { _ in false })
        #expect(plan.notes.map(\.path) == [
            "notes/dayone/2024-01-05-sprint-retro-what-we-learned.md",
            "notes/dayone/2024-01-05-late-walk.md",
            "notes/dayone/2024-01-08-fruhstuck-mit-yuki-wir-haben-uber-kyoto-gesprochen.md",
            "notes/dayone/2024-01-08-lunch-with-sam.md",
        ])
    }

    /// The library names the format it found; the command to run is the CLI's to word.
    @Test func aJrnlExportIsNamedAsSuchWithoutACommand() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: ImportJrnlTests.fixture("jrnl.json")))
        let error = try #require(throws: ImportError.self) { try ImportSource.dayOne.entries(from: data, file: "jrnl.json") }
        guard case .otherSource(_, .dayOne, .jrnl) = error else { Issue.record("unexpected \(error)"); return }
        #expect(error.description.hasPrefix("jrnl.json looks like `jrnl --export json`"), "\(error)")
        #expect(!error.description.contains("import it as") && !error.description.contains("hearth"), "\(error)")
    }

    @Test func datesAndTimesAreOnTheWritersClock() throws {
        let entries = try entries()
        // 09:12 UTC is 10:12 in Berlin (CET, +1).
        #expect(entries[0].date == LocalDate("2024-01-05"))
        #expect(entries[0].time == "10:12")
        // 2024-01-06 02:30 UTC is the evening before in Los Angeles (PST, -8).
        #expect(entries[1].date == LocalDate("2024-01-05"))
        #expect(entries[1].time == "18:30")
        // 2024-01-07 23:45 UTC is the next morning in Tokyo (+9).
        #expect(entries[2].date == LocalDate("2024-01-08"))
        #expect(entries[2].time == "08:45")
        #expect(entries[3].date == LocalDate("2024-01-08"))
        #expect(entries[3].time == "12:00")
    }

    @Test func fixtureFieldsAreMappedOneByOne() throws {
        let entries = try entries()
        #expect(entries.map(\.sourceID) == ["8A3F1C2D4E5B4F6A9B0C1D2E3F4A5B6C", "C0FFEE0123456789ABCDEF0123456789",
                                            "5D41402ABC4B2A76B9719D911017C592", "7E57ED5A1E2B4C3D8F9A0B1C2D3E4F50"])
        #expect(entries.map(\.title) == ["Sprint retro: what we learned", "Late walk",
                                         "Frühstück mit Yuki — wir haben über Kyōto gesprochen.", "Lunch with Sam"])
        // The last entry has no `tags` key at all, as Day One writes untagged entries.
        #expect(entries.map(\.tags) == [["work", "retro"], ["health"], ["family"], []])
        #expect(entries.map(\.starred) == [true, false, false, false])
        #expect(entries.allSatisfy { $0.source == .dayOne })
    }

    @Test func noteTextKeepsTheHeadingAndDayOnesEscapes() throws {
        #expect(try entries()[0].note(at: "notes/dayone/a.md").text == """
            ---
            kind: note
            date: 2024-01-05
            time: "10:12"
            title: "Sprint retro: what we learned"
            tags: [work, retro]
            starred: true
            source: dayone
            source_id: 8A3F1C2D4E5B4F6A9B0C1D2E3F4A5B6C
            source_hash: 4c0d4c21a714f033
            ---

            # Sprint retro: what we learned

            1\\. Ship smaller changes.
            2\\. Write the test first.

            """)
        #expect(try entries()[2].note(at: "notes/dayone/b.md").body
                == "\nFrühstück mit Yuki — wir haben über Kyōto gesprochen.\n\nDanach ein langer Spaziergang.\n")
    }

    @Test(arguments: [
        ("# Plan\\: v2\n\nbody", "Plan: v2"),
        ("\n\n## Second-level heading\nbody", "Second-level heading"),
        ("A path C:\\Users stays", "A path C:\\Users stays"),
        ("one two three four five six seven eight nine ten eleven twelve", "one two three four five six seven eight nine ten…"),
        ("", ""),
    ])
    func titleComesFromTheFirstLine(text: String, expected: String) {
        #expect(ImportDayOne.title(of: text) == expected)
    }

    @Test func entryWithoutTextGetsAGenericSlugAndNoTitle() throws {
        let entries = try parse(#"{"entries": [{"uuid": "U1", "creationDate": "2024-03-01T10:00:00Z", "timeZone": "UTC", "text": ""}]}"#)
        #expect(entries[0].path() == "notes/dayone/2024-03-01-entry.md")
        let note = entries[0].note(at: entries[0].path())
        #expect(note["title"] == nil)
        #expect(note.body == "")
    }

    @Test(arguments: [
        ("2024-01-05T09:12:44Z", 19_727 * 86_400 + 9 * 3600 + 12 * 60 + 44),
        ("2024-01-05T09:12:44.123Z", 19_727 * 86_400 + 9 * 3600 + 12 * 60 + 44),
        ("2024-01-05T10:12:44+01:00", 19_727 * 86_400 + 9 * 3600 + 12 * 60 + 44),
        ("2024-01-05T01:12:44-0800", 19_727 * 86_400 + 9 * 3600 + 12 * 60 + 44),
    ])
    func isoTimestampsParse(text: String, expected: Int) {
        #expect(ImportDayOne.epochSeconds(iso8601: text) == expected)
    }

    @Test(arguments: ["2024-01-05", "2024-01-05T09:12:44", "2024-01-05T25:00:00Z", "2024-01-05T09:12:44+1", "yesterday"])
    func malformedTimestampsAreRefused(text: String) {
        #expect(ImportDayOne.epochSeconds(iso8601: text) == nil)
    }

    @Test(arguments: [
        (#"{"entries": [{"creationDate": "2024-01-05T09:12:44Z", "timeZone": "UTC", "text": ""}]}"#,
         ImportError.invalidEntry(file: "journal.json", index: 0, field: "uuid", problem: "is missing")),
        (#"{"entries": [{"uuid": "U", "creationDate": "2024-01-05T09:12:44Z", "timeZone": "Mars/Olympus", "text": ""}]}"#,
         .invalidEntry(file: "journal.json", index: 0, field: "timeZone", problem: "is 'Mars/Olympus', not a time zone like Europe/Berlin")),
        (#"{"entries": [{"uuid": "U", "creationDate": "5 Jan 2024", "timeZone": "UTC", "text": ""}]}"#,
         .invalidEntry(file: "journal.json", index: 0, field: "creationDate",
                       problem: "is '5 Jan 2024', not an ISO 8601 time like 2024-01-05T09:12:44Z")),
        (#"{"entries": [{"uuid": "U", "creationDate": "2024-01-05T09:12:44Z", "timeZone": "UTC", "text": "x"}, {"uuid": "V", "creationDate": "2024-01-05T09:12:44Z", "timeZone": "UTC"}]}"#,
         .invalidEntry(file: "journal.json", index: 1, field: "text", problem: "is missing")),
        (#"{"entries": [{"uuid": "U", "creationDate": "2024-01-05T09:12:44Z", "timeZone": "UTC", "text": "", "tags": [1]}]}"#,
         .invalidEntry(file: "journal.json", index: 0, field: "tags", problem: "holds a number, not only strings")),
        (#"{"metadata": {"version": "1.0"}}"#,
         .wrongShape(file: "journal.json", source: .dayOne, problem: "there is no 'entries' list")),
    ])
    func badEntriesAreNamedByIndexAndField(json: String, expected: ImportError) {
        #expect(throws: expected) { try parse(json) }
    }
}
