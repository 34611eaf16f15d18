import Foundation
@testable import JournalKit
import NoteKit
import Testing

/// Which entries an import writes and where: clashes, entries imported before, unreadable notebooks.
@Suite("Import plan")
struct ImportPlanTests {
    private func entry(_ id: String, title: String = "Standup", date: String = "2024-01-08",
                       source: ImportSource = .jrnl) -> ImportedEntry {
        ImportedEntry(source: source, sourceID: id, date: LocalDate.d(date), time: "09:00", title: title,
                      tags: ["@x", "", "a", "a"].filter { $0 != "@x" }, starred: false, text: "# \(title)")
    }

    @Test func tagsLoseEmptiesAndDuplicates() {
        #expect(entry("1").tags == ["a"])
    }

    @Test func clashingPathsGetNumberedAroundTakenFiles() {
        let taken: Set<String> = ["notes/jrnl/2024-01-08-standup-2.md"]
        let plan = ImportPlan(entries: [entry("1"), entry("2"), entry("3")], alreadyImported: [], isTaken: taken.contains)
        #expect(plan.notes.map(\.path) == ["notes/jrnl/2024-01-08-standup.md", "notes/jrnl/2024-01-08-standup-3.md",
                                           "notes/jrnl/2024-01-08-standup-4.md"])
    }

    @Test func entriesImportedBeforeOrTwiceInOneExportAreSkipped() {
        let plan = ImportPlan(entries: [entry("1"), entry("2"), entry("2"), entry("3", source: .dayOne)],
                              alreadyImported: ["jrnl:1", "dayone:2"], isTaken: { _ in false })
        #expect(plan.notes.map { $0["source_id"]?.string } == ["2", "3"])
        #expect(plan.skipped.map(\.sourceID) == ["1", "2"])
    }

    @Test func slugsTakeTheFirstWordsOnly() {
        let long = entry("1", title: "One two three four five six seven eight nine ten")
        #expect(long.slug == "one-two-three-four-five-six-seven-eight")
        #expect(entry("2", title: "  Über: Ärger!  ").slug == "uber-arger")
        #expect(entry("3", title: "日本語").slug == "entry")
        let huge = entry("4", title: String(repeating: "abcdefghijklmnopqrstuvwxyz ", count: 4))
        #expect(huge.slug == "abcdefghijklmnopqrstuvwxyz-abcdefghijklmnopqrstuvwxyz")
    }

    @Test func importedKeysComeFromTheNotebook() throws {
        try TempFolder.with { root in
            try TempFolder.write("---\nsource: jrnl\nsource_id: \"00ab\"\n---\n", at: "notes/jrnl/a.md", under: root)
            try TempFolder.write("---\nsource: dayone\nsource_id: 1234\n---\n", at: "elsewhere/renamed.md", under: root)
            try TempFolder.write("---\nsource: jrnl\n---\n", at: "notes/no-id.md", under: root)
            try TempFolder.write("---\nsource_id: lonely\n---\n", at: "notes/no-source.md", under: root)
            #expect(try ImportPlan.importedKeys(in: Notebook(root: root)) == ["jrnl:00ab", "dayone:1234"])
        }
    }

    @Test func planAgainstANotebookSkipsAndAvoidsExistingFiles() throws {
        try TempFolder.with { root in
            try TempFolder.write("---\nsource: jrnl\nsource_id: \"1\"\n---\n", at: "notes/jrnl/moved.md", under: root)
            try TempFolder.write("hand-written, no front-matter\n", at: "notes/jrnl/2024-01-08-standup.md", under: root)
            let plan = try ImportPlan(entries: [entry("1"), entry("2")], notebook: Notebook(root: root))
            #expect(plan.notes.map(\.path) == ["notes/jrnl/2024-01-08-standup-2.md"])
            #expect(plan.skipped.map(\.sourceID) == ["1"])
        }
    }

    @Test func anUnreadableFileStopsThePlan() throws {
        try TempFolder.with { root in
            try TempFolder.write("---\nsource: jrnl\n", at: "notes/broken.md", under: root)
            #expect {
                try ImportPlan(entries: [entry("1")], notebook: Notebook(root: root))
            } throws: { error in
                guard case .unreadableNotebook(let diagnostics) = error as? ImportError else { return false }
                return diagnostics.map(\.path) == ["notes/broken.md"]
            }
        }
    }
}
