internal import Clibgit2
import Foundation

extension Repository {
    /// Drops the entries older than `cutoff` from HEAD's and every reference's reflog, as
    /// `git gc` does with `gc.reflogExpire`, and returns how many went. Each reflog keeps its
    /// newest entry whatever its age, so `@{0}` and `@{-1}` keep meaning something.
    ///
    /// Each reference is held by its lock file (`refs/heads/main.lock`, `HEAD.lock`) while its
    /// reflog is rewritten, as git holds it: git and libgit2 append reflog entries only while
    /// holding that lock, so no entry written meanwhile is lost. A reference whose lock is taken
    /// (a sync or a git command updating it now) is left for the next run. The rewrite itself is
    /// libgit2's (a new file renamed over the old one).
    func expireReflogs(before cutoff: Date) throws(GitError) -> Int {
        let limit = Int64(cutoff.timeIntervalSince1970)
        var expired = 0
        for name in Set(try referenceTargets().map(\.name)).sorted() {
            let lock = gitDirectory.appending(path: name + ".lock").path(percentEncoded: false)
            guard createExclusively(lock) else { continue }
            defer { unlink(lock) }
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
            guard dropped > 0 else { continue }
            try GitError.check(git_reflog_write(reflog), operation: "write \(name)'s reflog without its old entries")
            expired += dropped
        }
        return expired
    }
}

/// Creates `path` if nothing is there: a lock taken, as git takes `NAME.lock`. Outside the
/// extension so that `open` is the system's, not `Repository.open`.
private func createExclusively(_ path: String) -> Bool {
    let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return false }
    close(descriptor)
    return true
}
