import Foundation

/// Lock files a sync killed mid-fetch leaves behind (`refs/remotes/origin/main.lock`). Git never
/// removes another process's lock, and every later fetch would then fail.
///
/// Called while holding the notebook's sync lock. Only locks in fetch and push territory are
/// cleared: the remote's tracking refs, hearth's own refs and `FETCH_HEAD`, which the sync lock
/// serialises (another tool's fetch racing a sync only loses a tracking update it redoes). Locks
/// a user's own git command may hold for minutes (`index.lock` while `git commit` waits for its
/// editor, a branch) are never touched; git's own message names them if one was left behind.
public enum StaleGitLocks {
    /// Removes stale locks in the git directory `gitDirectory` for `remote`; returns what it removed.
    @discardableResult
    public static func clear(in gitDirectory: URL, remote: String?) -> [String] {
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
        var candidates = locks(under: "refs/hearth") + ["FETCH_HEAD.lock"]
        if let remote { candidates += locks(under: "refs/remotes/\(remote)") }
        return candidates.filter { unlink(gitDirectory.appending(path: $0).path(percentEncoded: false)) == 0 }
    }
}
