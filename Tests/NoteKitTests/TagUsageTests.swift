import Testing
@testable import NoteKit

/// Counting tags across entries for `hearth tags`.
@Suite struct TagUsageTests {
    @Test func countsEntriesAndTheLatestDate() throws {
        let notes = [
            try Note(parsing: "---\ntags: [work, home]\n---\n#work twice #work\n", path: "days/2026/2026-03-02.md"),
            try Note(parsing: "---\ndate: 2026-03-05\n---\nFinally #home.\n", path: "days/2026/2026-03-05.md"),
            try Note(parsing: "---\ntags: work\n---\n", path: "days/2026/2026-03-01.md"),
            try Note(parsing: "An undated #idea and #home.\n", path: "notes/ideas.md"),
        ]
        let usages = TagUsage.tally(notes)
        #expect(usages == [
            TagUsage(tag: "home", count: 3, lastUsed: LocalDate("2026-03-05")),
            TagUsage(tag: "work", count: 2, lastUsed: LocalDate("2026-03-02")),
            TagUsage(tag: "idea", count: 1, lastUsed: nil),
        ])
    }

    @Test func tiesAreOrderedByName() throws {
        let note = try Note(parsing: "#b #c #a\n", path: "notes/n.md")
        #expect(TagUsage.tally([note]).map(\.tag) == ["a", "b", "c"])
    }
}
