import Foundation

/// Lock files under `refs/hearth/`, hearth's own references (the merge on its way out): no other
/// program writes there, and the notebook's sync lock serialises hearth's own writers, so a lock
/// found there while holding that lock was left by a killed sync. Locks anywhere else are
/// cleared only when a killed sync's marker names them (`InterruptedWrite`): git never removes
/// another process's lock, and neither does hearth.
public enum StaleGitLocks {
    /// Removes the locks under `refs/hearth/` in the git directory `gitDirectory`; returns what
    /// it removed. Call while holding the notebook's sync lock.
    @discardableResult
    public static func clear(in gitDirectory: URL) -> [String] {
        let root = gitDirectory.appending(path: "refs/hearth").path(percentEncoded: false)
        return InterruptedWrite.lockFiles(under: root)
            .filter { unlink($0) == 0 }
            .map { "refs/hearth" + $0.dropFirst(root.count) }
    }
}
