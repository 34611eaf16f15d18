import SyncKit

/// What `hearth` prints for a sync that failed: the library's account, plus the next step where
/// that step is a file to remove or a command to run again.
enum SyncFailureAdvice {
    static func message(for error: SyncError) -> String {
        guard case .remoteLocked(let remote, let lockFile, let age, _) = error else { return error.description }
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
