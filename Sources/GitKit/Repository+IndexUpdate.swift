internal import Clibgit2

extension Repository {
    /// Applies `updates` to the index in order, then writes it, so that after hearth has written
    /// working files itself the index says what git should think of them.
    ///
    /// Calls `git_index_read` (to pick up other writers), then per update
    /// `git_index_add_bypath`, `git_index_add` (with zeroed stat data, which makes git re-read
    /// the file, or the caller's) or `git_index_remove_bypath`, then `git_index_write`.
    /// - Throws: `GitError` naming the path that failed; `.bareRepository` without a work tree.
    public func updateIndex(_ updates: [IndexUpdate]) throws(GitError) {
        _ = try requireWorkingDirectory(for: "update index")
        try withIndex(operation: "update index") { index throws(GitError) in
            for update in updates {
                let result: Int32
                switch update {
                case .addFromWorkingTree(let path):
                    result = git_index_add_bypath(index, path)
                case .set(let path, let id, let mode):
                    result = path.withCString { cPath in
                        var entry = git_index_entry()
                        entry.mode = mode
                        entry.id = id.oid
                        entry.path = cPath
                        return git_index_add(index, &entry)
                    }
                case .setWithStat(let path, let id, let mode, let stat):
                    result = path.withCString { cPath in
                        var entry = git_index_entry()
                        entry.mode = mode
                        entry.id = id.oid
                        entry.path = cPath
                        // The index stores 32-bit fields, as git does.
                        entry.ctime = git_index_time(seconds: Int32(truncatingIfNeeded: stat.ctime.seconds), nanoseconds: stat.ctime.nanoseconds)
                        entry.mtime = git_index_time(seconds: Int32(truncatingIfNeeded: stat.mtime.seconds), nanoseconds: stat.mtime.nanoseconds)
                        entry.dev = UInt32(truncatingIfNeeded: stat.device)
                        entry.ino = UInt32(truncatingIfNeeded: stat.inode)
                        entry.uid = stat.uid
                        entry.gid = stat.gid
                        entry.file_size = UInt32(truncatingIfNeeded: stat.size)
                        return git_index_add(index, &entry)
                    }
                case .remove(let path):
                    result = git_index_remove_bypath(index, path)
                }
                try GitError.check(result, operation: "update index", path: update.path)
            }
            try checkIndexWrite(git_index_write(index))
        }
    }
}
