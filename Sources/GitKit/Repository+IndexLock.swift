internal import Clibgit2

extension Repository {
    /// Throws for a failed `git_index_write`. A lock in the way is named, with what to do:
    /// libgit2's own words ("the index is locked; this might be due to a concurrent or crashed
    /// process") say neither where it is nor how to get past it.
    func checkIndexWrite(_ result: Int32) throws(GitError) {
        guard result < 0 else { return }
        var error = GitError.last(result, operation: "write index")
        if error.code == .locked {
            let lock = gitDirectory.appending(path: "index.lock").path(percentEncoded: false)
            error.message = "\(lock) exists: another git program is working in this notebook, or one was stopped; "
                + "if none is running, delete that file and try again"
        }
        throw error
    }
}
