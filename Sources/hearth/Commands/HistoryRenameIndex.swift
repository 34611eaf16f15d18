import Foundation
import HistoryKit
import NoteKit

/// How the history commands keep their rename index: in `.git/hearth/renames.index` (inside
/// `.git`, so never synced, and always safe to delete) when the notebook has a `.git` folder;
/// without one, every question walks the history.
///
/// With `HEARTH_RENAME_INDEX_TRACE=1` each use prints one line to stderr, `rename-index: used
/// commits=N` (or built, rebuilt, updated, unavailable), for tests and for anyone wondering
/// whether the index works; without it, nothing.
enum HistoryRenameIndex {
    /// The variable that turns the trace line on.
    static let traceVariable = "HEARTH_RENAME_INDEX_TRACE"

    /// Gives `history` the notebook's rename index.
    static func attach(to history: NotebookHistory, of notebook: Notebook) {
        let git = notebook.root.appendingPathComponent(".git", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: git.path, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        history.renameIndex = RenameIndex(folder: git.appendingPathComponent("hearth", isDirectory: true), version: Hearth.configuration.version)
        if ProcessInfo.processInfo.environment[traceVariable] == "1" {
            history.renameIndexObserver = { Diagnostics.status("rename-index: \($0)") }
        }
    }
}
