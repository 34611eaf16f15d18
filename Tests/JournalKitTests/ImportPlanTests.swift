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

    /// A note as the given entry's import wrote it, then parsed back as the notebook scan reads it.
    private func imported(_ entry: ImportedEntry, at path: String) throws -> Note {
        let note = entry.note(at: path)
        return try Note(parsing: note.text, path: path)
    }

    @Test func anEntryChangedAtTheSourceUpdatesAnUntouchedNoteAndKeepsAnEditedOne() throws {
        let before = entry("1", title: "Plan")
        var after = entry("1", title: "Plan")
        after.text = "# Plan\n\nA second thought."
        let untouched = try imported(before, at: "notes/jrnl/plan.md")
        let plan = ImportPlan(entries: [after], existing: [untouched], isTaken: { _ in false })
        #expect(plan.notes.isEmpty && plan.kept.isEmpty && plan.skipped.isEmpty)
        #expect(plan.updates.map(\.updated.path) == ["notes/jrnl/plan.md"])
        #expect(plan.updates.first?.updated.body.contains("A second thought.") == true)
        #expect(ImportFingerprint.isAsImported(try #require(plan.updates.first?.updated)))

        var edited = untouched
        edited.body += "My own line.\n"
        let keep = ImportPlan(entries: [after], existing: [edited], isTaken: { _ in false })
        #expect(keep.updates.isEmpty && keep.notes.isEmpty)
        #expect(keep.kept.map(\.path) == ["notes/jrnl/plan.md"])
        // The same entry as imported: nothing to do, the edit stays.
        let same = ImportPlan(entries: [before], existing: [edited], isTaken: { _ in false })
        #expect(same.updates.isEmpty && same.kept.isEmpty && same.skipped.count == 1)
    }

    /// jrnl's id is a fingerprint of the text, so an entry edited in jrnl is found by its date and
    /// time; a note from an older hearth (no source_hash) is never rewritten.
    @Test func aJrnlEntryWithANewIdFindsItsNoteByDateAndTime() throws {
        let old = try imported(entry("old-id", title: "Plan"), at: "notes/jrnl/plan.md")
        let plan = ImportPlan(entries: [entry("new-id", title: "Plan, revised")], existing: [old], isTaken: { _ in false })
        #expect(plan.notes.isEmpty)
        #expect(plan.updates.first?.updated["source_id"]?.string == "old-id")
        #expect(plan.updates.first?.updated["title"]?.string == "Plan, revised")

        var legacy = old
        _ = legacy.remove(ImportFingerprint.noteHashKey)
        let kept = ImportPlan(entries: [entry("new-id", title: "Plan, revised")], existing: [legacy], isTaken: { _ in false })
        #expect(kept.kept.map(\.path) == ["notes/jrnl/plan.md"] && kept.updates.isEmpty && kept.notes.isEmpty)
        let unchanged = ImportPlan(entries: [entry("old-id", title: "Plan")], existing: [legacy], isTaken: { _ in false })
        #expect(unchanged.skipped.count == 1 && unchanged.kept.isEmpty && unchanged.updates.isEmpty)

        // Another entry of the same minute that claims the note by id leaves no note to match.
        let two = ImportPlan(entries: [entry("old-id", title: "Plan"), entry("new-id", title: "Other")], existing: [old],
                             isTaken: { _ in false })
        #expect(two.skipped.count == 1 && two.notes.map { $0["source_id"]?.string } == ["new-id"])
    }
}
