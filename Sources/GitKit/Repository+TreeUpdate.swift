internal import Clibgit2
import Foundation

extension Repository {
    /// Stores `data` as a blob and returns its id (the same as `git hash-object -w`).
    ///
    /// Calls `git_blob_create_from_buffer`.
    public func writeBlob(_ data: Data) throws(GitError) -> ObjectID {
        var oid = git_oid()
        let result = data.withUnsafeBytes { bytes in
            git_blob_create_from_buffer(&oid, pointer, bytes.baseAddress, bytes.count)
        }
        try GitError.check(result, operation: "write blob")
        return ObjectID(oid)
    }

    /// Stores the work-tree file at `path` (relative to the root) as a blob, the way `git add`
    /// would: through the repository's filters (`core.autocrlf`, `.gitattributes`), and for a
    /// symbolic link its target rather than what it points at. Returns the blob id and the mode
    /// to record (see `FileMode`), or nil when no file is at `path` (nothing, or a folder).
    ///
    /// Calls `lstat`, then `git_blob_create_from_workdir`.
    /// - Throws: `GitError` naming the path when it cannot be read, or is a device or socket.
    public func writeBlob(fromWorkingTreePath path: String) throws(GitError) -> (id: ObjectID, mode: UInt32)? {
        let root = try requireWorkingDirectory(for: "store a file")
        // An editor saving by rename can remove the name between the lstat and libgit2's open:
        // look again, and a file that is gone by then is absent, as if the status had said so.
        // (The status and this read are never one atomic look at a file being saved.)
        var attempt = 0
        while true {
            var info = stat()
            guard lstat(root.appending(path: path).path(percentEncoded: false), &info) == 0 else {
                if errno == ENOENT || errno == ENOTDIR { return nil }
                throw GitError(code: .generic, errorClass: 0, message: String(cString: strerror(errno)), operation: "store a file", path: path)
            }
            let mode: UInt32
            switch info.st_mode & S_IFMT {
            case S_IFLNK: mode = FileMode.symlink
            case S_IFREG: mode = info.st_mode & 0o111 != 0 ? FileMode.executable : FileMode.blob
            case S_IFDIR:
                // A file replaced by a folder: the file is gone (the folder's files are paths of
                // their own).
                return nil
            default:
                throw GitError(code: .directory, errorClass: 0, message: "not a regular file", operation: "store a file", path: path)
            }
            var oid = git_oid()
            let result = git_blob_create_from_workdir(&oid, pointer, path)
            if result == 0 { return (ObjectID(oid), mode) }
            let error = GitError.last(result, operation: "store a file", path: path)
            // A file saved in place can shrink while libgit2 reads the size it saw: read again
            // while the file keeps changing under us, a few times.
            var now = stat()
            let changed = lstat(root.appending(path: path).path(percentEncoded: false), &now) != 0
                || now.st_ino != info.st_ino || now.st_size != info.st_size
                || FileStat(now).mtime != FileStat(info).mtime
            attempt += 1
            guard changed || result == GIT_ENOTFOUND.rawValue, attempt < 5 else { throw error }
        }
    }

    /// The id and mode (see `FileMode`) of the entry at `path` (slash-separated) in `tree`, or
    /// nil when nothing is there. A directory gives its tree id and `FileMode.tree`. A commit id
    /// is accepted for `tree` and means its root tree.
    ///
    /// Calls `git_tree_entry_bypath`, `git_tree_entry_id` and `git_tree_entry_filemode`.
    public func treeEntry(path: String, inTree tree: ObjectID) throws(GitError) -> (id: ObjectID, mode: UInt32)? {
        try withTree(tree) { handle throws(GitError) in
            var entry: OpaquePointer?
            let result = git_tree_entry_bypath(&entry, handle, path)
            if result == GitError.Code.notFound.rawValue { return nil }
            guard result == 0, let entry else {
                throw GitError.last(result, operation: "look up '\(path)' in tree \(tree)")
            }
            defer { git_tree_entry_free(entry) }
            return (ObjectID(git_tree_entry_id(entry)), UInt32(git_tree_entry_filemode(entry).rawValue))
        }
    }

    /// Writes a new tree: `base` (nil for the empty tree; a commit id means its tree) with
    /// `updates` applied at nested paths, creating and dropping directories as needed. Nothing
    /// is checked out and no reference moves.
    ///
    /// Calls `git_tree_create_updated`. Updates are applied in path order (stable for repeated
    /// paths, so the last one given wins).
    /// - Throws: `GitError`, also when removing a path that is not there (libgit2 1.5 gives
    ///   code `.generic` for that, not `.notFound`).
    public func updatedTree(_ base: ObjectID?, applying updates: [TreeUpdate]) throws(GitError) -> ObjectID {
        // libgit2 1.5 refuses a file and a folder trading places in one pass ("D/F conflict",
        // "cannot replace 'tree' with 'blob'"), even with the old one removed in the same set:
        // removals first, then upserts on the result (emptied folders are dropped in between).
        // A path both removed and upserted therefore ends upserted.
        let removals = updates.filter { if case .remove = $0 { true } else { false } }
        if !removals.isEmpty, removals.count < updates.count {
            let pruned = try applyInOnePass(base, removals)
            return try applyInOnePass(pruned, updates.filter { if case .upsert = $0 { true } else { false } })
        }
        return try applyInOnePass(base, updates)
    }

    /// One `git_tree_create_updated` call over `updates`.
    private func applyInOnePass(_ base: ObjectID?, _ updates: [TreeUpdate]) throws(GitError) -> ObjectID {
        let operation = "update tree \(base.map(\.description) ?? "(empty)")"
        // Sorted because git_tree_create_updated walks the tree once, in order.
        let ordered = updates.enumerated().sorted {
            $0.element.path == $1.element.path ? $0.offset < $1.offset : $0.element.path.utf8.lexicographicallyPrecedes($1.element.path.utf8)
        }.map(\.element)
        let paths = ordered.map { strdup($0.path) }
        defer { paths.forEach { free($0) } }
        var entries = zip(ordered, paths).map { update, path in
            var entry = git_tree_update()
            entry.path = UnsafePointer(path)
            switch update {
            case .upsert(_, let id, let mode):
                entry.action = GIT_TREE_UPDATE_UPSERT
                entry.id = id.oid
                entry.filemode = git_filemode_t(rawValue: mode)
            case .remove:
                entry.action = GIT_TREE_UPDATE_REMOVE
            }
            return entry
        }
        return try withOptionalTree(base) { tree throws(GitError) in
            var oid = git_oid()
            var result: Int32
            if let tree {
                result = git_tree_create_updated(&oid, pointer, tree, entries.count, &entries)
            } else {
                result = try withEmptyTree { empty in git_tree_create_updated(&oid, pointer, empty, entries.count, &entries) }
            }
            try GitError.check(result, operation: operation)
            return ObjectID(oid)
        }
    }

    /// Runs `body` with a freshly written empty tree: `git_tree_create_updated` needs a real
    /// base tree (`git_treebuilder_new`, `git_treebuilder_write`, `git_tree_lookup`).
    private func withEmptyTree<R>(_ body: (OpaquePointer) -> R) throws(GitError) -> R {
        var builder: OpaquePointer?
        let created = git_treebuilder_new(&builder, pointer, nil)
        guard created == 0, let builder else { throw GitError.last(created, operation: "write empty tree") }
        defer { git_treebuilder_free(builder) }
        var oid = git_oid()
        try GitError.check(git_treebuilder_write(&oid, builder), operation: "write empty tree")
        var tree: OpaquePointer?
        let found = git_tree_lookup(&tree, pointer, &oid)
        guard found == 0, let tree else { throw GitError.last(found, operation: "write empty tree") }
        defer { git_tree_free(tree) }
        return body(tree)
    }
}
