internal import Clibgit2
import Foundation

extension Repository {
    /// Stages every change in the work tree: new and modified files (respecting `.gitignore`)
    /// and deletions, like `git add -A`, then writes the index to disk. Nested repositories are
    /// left out.
    ///
    /// Calls `git_index_add_all` with pathspec `*`, `git_index_update_all` (add_all alone
    /// does not stage deletions) and `git_index_write`.
    public func stageAll() throws(GitError) {
        try withIndex(operation: "stage all changes") { index throws(GitError) in
            let result = try withGitStringArray(["*"]) { pathspec in
                // libgit2 refuses a nested repository ("invalid path 'inner/'") where git would
                // record a gitlink; a notebook does not manage other repositories, so skip them.
                let skipNestedRepositories: git_index_matched_path_cb = { path, _, _ in
                    guard let path, let last = strlen(path) > 0 ? path[strlen(path) - 1] : nil else { return 0 }
                    return last == CChar(UInt8(ascii: "/")) ? 1 : 0
                }
                let added = git_index_add_all(index, pathspec, GIT_INDEX_ADD_DEFAULT.rawValue, skipNestedRepositories, nil)
                guard added == 0 else { return added }
                return git_index_update_all(index, pathspec, nil, nil)
            }
            try GitError.check(result, operation: "stage all changes")
            try checkIndexWrite(git_index_write(index))
        }
    }

    /// Stages the given work-tree-relative paths: present files are added, missing ones are
    /// removed from the index. Then writes the index to disk.
    ///
    /// Calls `git_index_add_bypath` or `git_index_remove_bypath` per path, then `git_index_write`.
    public func stage(paths: [String]) throws(GitError) {
        let root = try requireWorkingDirectory(for: "stage files")
        try withIndex(operation: "stage files") { index throws(GitError) in
            for path in paths {
                let file = root.appending(path: path).path(percentEncoded: false)
                // lstat does not follow symlinks, so a dangling symlink still counts as present
                // and gets staged as a link.
                let exists = FileStat.of(file) != nil
                let result = exists ? git_index_add_bypath(index, path) : git_index_remove_bypath(index, path)
                try GitError.check(result, operation: exists ? "stage file" : "unstage deleted file", path: path)
            }
            try checkIndexWrite(git_index_write(index))
        }
    }

    /// Writes the current index as a tree object and returns its id.
    ///
    /// Calls `git_index_write_tree`.
    /// - Throws: `GitError` with code `.unmerged` while the index holds conflicts.
    public func writeIndexTree() throws(GitError) -> ObjectID {
        try withIndex(operation: "write tree from index") { index throws(GitError) in
            var oid = git_oid()
            try GitError.check(git_index_write_tree(&oid, index), operation: "write tree from index")
            return ObjectID(oid)
        }
    }

    /// Runs `body` with the repository index, re-read from disk first so that changes made by
    /// other processes (the git CLI, another handle) are not overwritten.
    ///
    /// When `body` fails, the index is read from disk again, whatever it changed in memory
    /// dropped: the repository's index is shared by every later use of this handle, and edits
    /// that never reached the file (a write refused by another process's `index.lock`) would
    /// otherwise be taken for the file's contents, by a status among others, while the file's
    /// checksum (which the status memo goes by) still names what is on disk.
    func withIndex<R>(
        operation: String, _ body: (OpaquePointer) throws(GitError) -> R
    ) throws(GitError) -> R {
        var index: OpaquePointer?
        let result = git_repository_index(&index, pointer)
        guard result == 0, let index else { throw GitError.last(result, operation: operation) }
        defer { git_index_free(index) }
        try GitError.check(git_index_read(index, 0), operation: "read index")
        do {
            return try body(index)
        } catch {
            _ = git_index_read(index, 1)
            throw error
        }
    }
}
