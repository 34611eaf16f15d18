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
        guard let index = index(of: notebook) else { return }
        history.renameIndex = index
        history.renameIndexObserver = observer
    }

    /// Gives a history search the notebook's rename index.
    static func attach(to search: inout HistorySearch, of notebook: Notebook) {
        guard let index = index(of: notebook) else { return }
        search.renameIndex = index
        search.renameIndexObserver = observer
    }

    /// The notebook's rename index; nil without a `.git` folder.
    private static func index(of notebook: Notebook) -> RenameIndex? {
        let git = notebook.root.appendingPathComponent(".git", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: git.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return RenameIndex(folder: git.appendingPathComponent("hearth", isDirectory: true), version: Hearth.configuration.version)
    }

    /// The trace, when asked for.
    private static var observer: (@Sendable (RenameIndexOutcome) -> Void)? {
        guard ProcessInfo.processInfo.environment[traceVariable] == "1" else { return nil }
        return { Diagnostics.status("rename-index: \($0)") }
    }
}
