internal import Clibgit2
import Foundation

extension Repository {
    /// Drops the entries older than `cutoff` from HEAD's and every reference's reflog, as
    /// `git gc` does with `gc.reflogExpire`, and returns how many went. Each reflog keeps its
    /// newest entry whatever its age, so `@{0}` and `@{-1}` keep meaning something.
    ///
    /// The rewrite is libgit2's, under the reflog's own lock (`logs/refs/heads/main.lock`): a new
    /// file renamed over the old one, so a kill leaves the old reflog or the new one, and at most
    /// that lock, which only makes the next expiry of that reflog wait (it is skipped while
    /// locked). The reference's own lock is not taken: a killed run would leave it behind and
    /// stop every sync. Hearth's syncs are kept out by the notebook's lock; a git command that
    /// appends to the reflog during the rewrite may lose that one entry, never the reference.
    func expireReflogs(before cutoff: Date) throws(GitError) -> Int {
        let limit = Int64(cutoff.timeIntervalSince1970)
        var expired = 0
        for name in Set(try referenceTargets().map(\.name)).sorted() {
            var reflog: OpaquePointer?
            guard git_reflog_read(&reflog, pointer, name) == 0, let reflog else { continue }
            defer { git_reflog_free(reflog) }
            let count = git_reflog_entrycount(reflog)
            // Index 0 is the newest entry; drop from the oldest end so indices stay valid.
            var dropped = 0
            var index = count
            while index > 1 {
                index -= 1
                guard let entry = git_reflog_entry_byindex(reflog, index),
                      let committer = git_reflog_entry_committer(entry), committer.pointee.when.time < limit else { continue }
                try GitError.check(git_reflog_drop(reflog, index, 0), operation: "expire an old entry of \(name)'s reflog")
                dropped += 1
            }
            // Another program rewriting this reflog: leave it for the next run.
            let reflogLock = gitDirectory.appending(path: "logs/" + name + ".lock").path(percentEncoded: false)
            guard dropped > 0, !FileManager.default.fileExists(atPath: reflogLock) else { continue }
            do {
                try GitError.check(git_reflog_write(reflog), operation: "write \(name)'s reflog without its old entries")
            } catch where error.code == .locked {
                continue
            }
            expired += dropped
        }
        return expired
    }
}

