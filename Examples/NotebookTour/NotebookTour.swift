import Foundation
import MergeKit
import NoteKit
import SyncKit

/// A tour of Hearth's libraries through their public API: write and read a notebook, query it,
/// merge two versions of an entry, and sync two notebooks through a folder remote. The DocC
/// article "Using Hearth's libraries in your own app" (SyncKit's catalogue) quotes this file, and
/// `make test` builds and runs it (ExampleProgramTests), so the article shows code that works.
///
/// Usage: `NotebookTour [FOLDER]`. It works in FOLDER (which must not exist yet) and leaves it
/// there for a look; without one, in a temporary folder that it removes at the end.
@main
enum NotebookTour {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        let workspace = arguments.first.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appending(path: "notebook-tour-\(UUID().uuidString)")
        defer { if arguments.isEmpty { try? FileManager.default.removeItem(at: workspace) } }

        let laptop = try writeNotebook(at: workspace.appending(path: "laptop"))
        try queryNotebook(laptop)
        mergeTwoVersions()
        try syncTwoNotebooks(laptop: laptop, workspace: workspace)
    }

    // MARK: Write and read a notebook

    /// Makes a notebook (a git repository with `hearth.yaml`) and writes three day entries.
    static func writeNotebook(at root: URL) throws -> Notebook {
        let setup = try NotebookSetup.initialize(at: root, device: "laptop")
        let notebook = Notebook(root: setup.root)
        let days: [(date: String, mood: Int, tags: String, log: String)] = [
            ("2026-03-02", 6, "[work]", "Planned the release."),
            ("2026-03-03", 8, "[run, work]", "Ran 5 km before work."),
            ("2026-03-04", 7, "[run]", "Long run by the river."),
        ]
        for day in days {
            let date = LocalDate(day.date)!
            let text = """
                ---
                kind: day
                date: \(day.date)
                mood: \(day.mood)
                tags: \(day.tags)
                ---

                ## Log
                \(day.log)

                """
            let path = NotebookLayout.path(for: .day, date: date, slug: nil)
            try notebook.create(try Note(parsing: text, path: path))
        }
        print("Wrote \(notebook.entryPaths().joined(separator: ", "))")
        return notebook
    }

    // MARK: Query it

    /// Reads one entry, then finds the days tagged `run` with a mood of 7 or more.
    static func queryNotebook(_ notebook: Notebook) throws {
        let entry = try notebook.load("days/2026/2026-03-03.md")
        print("Read \(entry.path): mood \(entry["mood"]?.int ?? 0), tags \(entry.tags.joined(separator: " "))")

        let query = Query(kinds: [.day], tags: ["run"], conditions: [try QueryCondition(parsing: "mood>=7")])
        let scan = notebook.scan(query)
        for note in scan.notes {
            print("Matched \(note.path) (\(note.date!.weekdayName)): mood \(note["mood"]!.int!)")
        }
        // Files that cannot be parsed do not stop a scan; each one is a diagnostic with its line.
        for diagnostic in scan.diagnostics { print("Unreadable: \(diagnostic)") }
    }

    // MARK: Merge two versions of an entry

    /// Merges two devices' edits of one entry made since a common version: the laptop set the
    /// mood and added a log line, the desk set a different mood and wrote a note.
    static func mergeTwoVersions() {
        let base = "---\nkind: day\nmood: 6\n---\n\n## Log\nPlanned the release.\n\n## Notes\n"
        let laptop = "---\nkind: day\nmood: 7\n---\n\n## Log\nPlanned the release.\nLunch with Sam.\n\n## Notes\n"
        let desk = "---\nkind: day\nmood: 5\n---\n\n## Log\nPlanned the release.\n\n## Notes\nTired after the call.\n"
        let result = EntryMerger.merge(
            path: "days/2026/2026-03-02.md",
            base: Data(base.utf8), first: Data(laptop.utf8), second: Data(desk.utf8),
            firstSide: MergeSide(device: "laptop", time: Date(timeIntervalSince1970: 1_772_460_000)),
            secondSide: MergeSide(device: "desk", time: Date(timeIntervalSince1970: 1_772_463_600)))

        print("Merged entry:")
        print(String(decoding: result.merged ?? Data(), as: UTF8.self), terminator: "")
        for conflict in result.conflicts {
            print("Conflict: \(conflict.kind.rawValue) \(conflict.field ?? "") kept \(conflict.kept): "
                + "laptop \(conflict.first.value), desk \(conflict.second.value)")
        }
    }

    // MARK: Sync

    /// Syncs the laptop's notebook with a second device through a folder remote: the desk clones
    /// it, both edit the same entry, and each sync merges the other's edit.
    static func syncTwoNotebooks(laptop: Notebook, workspace: URL) throws {
        let remote = workspace.appending(path: "remote.git")
        try NotebookSetup.createFolderRemote(at: remote)
        try NotebookSetup.addRemote(name: "origin", url: remote.path, toNotebookAt: laptop.root)
        let first = try Syncer(root: laptop.root).sync()
        print("laptop sync: \(first.outcome.rawValue)")

        let clone = try NotebookClone.clone(from: remote.path, to: workspace.appending(path: "desk"), device: "desk")
        let desk = Notebook(root: clone.root)
        print("desk cloned \(clone.entryCount) entries")

        let path = "days/2026/2026-03-04.md"
        try laptop.update(path) { $0.set("mood", to: .plain("9")) }
        try desk.update(path) { $0.body += "Stretched afterwards.\n" }

        let deskSync = try Syncer(root: desk.root).sync()
        print("desk sync: \(deskSync.outcome.rawValue)")
        let laptopSync = try Syncer(root: laptop.root).sync()
        print("laptop sync: \(laptopSync.outcome.rawValue), merged \(laptopSync.mergedPaths.joined(separator: ", "))")
        let deskAgain = try Syncer(root: desk.root).sync()
        print("desk sync: \(deskAgain.outcome.rawValue), received \(deskAgain.receivedPaths.joined(separator: ", "))")

        let merged = try desk.load(path)
        print("\(path) on the desk: mood \(merged["mood"]!.int!), log \"\(merged.body.split(separator: "\n").last!)\"")
    }
}
