import Foundation

/// Lock files git and libgit2 leave behind when a process dies mid-update (`refs/.../main.lock`,
/// `index.lock`). Git never removes another process's lock, and every later command then fails,
/// so a sync killed during its fetch would block all the ones after it.
///
/// Called while holding the notebook's sync lock. Locks under the remote's tracking refs and
/// hearth's own refs are written only by fetches and pushes, which the sync lock serialises, so
/// any left there is stale. Locks a user's own git command may hold (the index, branches, HEAD)
/// are removed only once they are older than any git command takes.
public enum StaleGitLocks {
    /// Age after which a lock on the index or a branch is taken as left by a dead process.
    public static let abandonedAfter: TimeInterval = 60

    /// Removes stale locks in the git directory `gitDirectory` for `remote`; returns what it removed.
    @discardableResult
    public static func clear(in gitDirectory: URL, remote: String?, now: Date = Date()) -> [String] {
        var removed: [String] = []
        let manager = FileManager.default
        func locks(under folder: String) -> [String] {
            let root = gitDirectory.appending(path: folder).path(percentEncoded: false)
            guard let walker = manager.enumerator(atPath: root) else { return [] }
            var found: [String] = []
            while let name = walker.nextObject() as? String {
                if name.hasSuffix(".lock") { found.append(folder + "/" + name) }
            }
            return found
        }
        var always = locks(under: "refs/hearth") + ["FETCH_HEAD.lock"]
        if let remote { always += locks(under: "refs/remotes/\(remote)") }
        let ifOld = locks(under: "refs/heads") + ["index.lock", "HEAD.lock", "packed-refs.lock"]
        for relative in always + ifOld {
            let path = gitDirectory.appending(path: relative).path(percentEncoded: false)
            guard let attributes = try? manager.attributesOfItem(atPath: path) else { continue }
            if ifOld.contains(relative) {
                let modified = attributes[.modificationDate] as? Date ?? now
                guard now.timeIntervalSince(modified) > abandonedAfter else { continue }
            }
            if unlink(path) == 0 { removed.append(relative) }
        }
        return removed
    }
}
