import Foundation
import NoteKit
import SyncKit

/// `hearth check`'s look at the repository itself: editor artefacts (``EditorArtefact``) that
/// were committed before hearth skipped them, or by another git client. Each is a warning;
/// `--fix` takes them out of the repository first (never off the disk) and says so.
enum CheckArtefacts {
    /// The warnings for the notebook's committed artefacts; with `fixing`, removes them (see
    /// ``Syncer/removeCommittedArtefacts()``, waiting up to `wait` seconds for a running sync),
    /// reports the removal on standard error and returns none. A folder that is no git
    /// repository has nothing committed.
    static func problems(in notebook: Notebook, fixing: Bool, wait: Double) throws -> [Diagnostic] {
        guard wait >= 0, wait.isFinite else { throw CommandFailure.usage("--wait \(wait) is not a number of seconds, 0 or more") }
        guard let syncer = try? Syncer(root: notebook.root, options: SyncOptions(lockWait: wait)) else { return [] }
        if fixing, let removal = try syncer.removeCommittedArtefacts() {
            let count = removal.paths.count
            var text = "removed \(count) editor \(count == 1 ? "artefact" : "artefacts") from the repository in commit "
                + "\(removal.commit.prefix(7)) (kept on disk; the next hearth sync sends the removal):\n"
            for path in removal.paths { text += "  \(path)\n" }
            Diagnostics.text(text)
        }
        return try syncer.committedArtefacts().map { path in
            Diagnostic(path: path, line: 0, severity: .warning,
                       message: "\(EditorArtefact.what(path: path) ?? "an editor artefact") is committed to the repository; hearth never commits editor artefacts",
                       hint: "hearth check --fix removes it from the repository, not from the disk")
        }
    }
}
