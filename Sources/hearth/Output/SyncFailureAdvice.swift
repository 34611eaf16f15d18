import Foundation
import HistoryKit
import SyncKit

/// What `hearth` prints for a sync (or another git-backed command) that failed: the library's
/// account, plus the next step where that step is a file to remove or a command to run.
enum SyncFailureAdvice {
    static func message(for error: SyncError) -> String {
        switch error {
        case .noRepository:
            return "\(error): hearth sync, status, log and resolve need one, and never use a repository around it. "
                + "Run hearth init there to give it its own (its files stay as they are)"
        case .insideNotebook(_, let notebook):
            return "\(error). Use that notebook (hearth -C \(notebook) ...), or make the new one in a folder outside it"
        case .remoteLocked(let remote, let lockFile, let age, _):
            return lockAdvice(error, remote: remote, lockFile: lockFile, age: age)
        default:
            return error.description
        }
    }

    /// What `hearth log`, `diff`, `show --at` and `restore` print for a history they cannot read.
    static func message(for error: HistoryError) -> String {
        guard case .notANotebook = error else { return error.description }
        return "\(error). Run hearth init there to give it a repository (its files stay as they are), or hearth clone a notebook that has one"
    }

    private static func lockAdvice(_ error: SyncError, remote: String, lockFile: String?, age: TimeInterval?) -> String {
        if age != nil {
            // A folder remote: the lock was watched and did not move.
            return "\(error). A running push holds such a lock for a moment only, so a sync or git push to '\(remote)' was "
                + "probably stopped mid-way: remove that file only if no other device is syncing with '\(remote)' right now, then run hearth sync again"
        }
        return "\(error). Another device is probably pushing to '\(remote)' right now: run hearth sync again in a minute. "
            + "If it keeps failing, a push was stopped on the server: once no device is syncing, whoever runs it can remove "
            + (lockFile.map { "\($0) there" } ?? "the branch's .lock file there")
    }
}
