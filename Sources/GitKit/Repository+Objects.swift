internal import Clibgit2
import Foundation

extension Repository {
    /// The exact bytes of a blob.
    ///
    /// Calls `git_blob_lookup`, `git_blob_rawcontent` and `git_blob_rawsize`.
    public func blob(_ id: ObjectID) throws(GitError) -> Data {
        var oid = id.oid
        var blob: OpaquePointer?
        let result = git_blob_lookup(&blob, pointer, &oid)
        guard result == 0, let blob else { throw GitError.last(result, operation: "read blob \(id)") }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let bytes = git_blob_rawcontent(blob) else { return Data() }
        return Data(bytes: bytes, count: size)
    }

    /// The id of the blob or tree at `path` (slash-separated, relative to the root) in a
    /// commit's tree, or nil when nothing is there.
    ///
    /// Calls `git_commit_tree` and `git_tree_entry_bypath`.
    public func entryID(path: String, inCommit commit: ObjectID) throws(GitError) -> ObjectID? {
        try entry(path: path, inCommit: commit)?.id
    }

    /// The contents of the file at `path` in a commit, or nil when no file is there (absent,
    /// or a directory or submodule).
    ///
    /// Calls `git_commit_tree`, `git_tree_entry_bypath` and `git_blob_lookup`.
    public func fileContents(path: String, inCommit commit: ObjectID) throws(GitError) -> Data? {
        guard let found = try entry(path: path, inCommit: commit), found.isBlob else { return nil }
        return try blob(found.id)
    }

    /// Every file (blob; symlinks included, submodules and directories excluded) in a commit's
    /// tree with its slash-separated path, in tree order.
    ///
    /// Calls `git_commit_tree` and `git_tree_walk` in pre-order.
    public func treeFiles(commit: ObjectID) throws(GitError) -> [(path: String, id: ObjectID)] {
        try withTree(ofCommit: commit) { tree throws(GitError) in
            var files: [(path: String, id: ObjectID)] = []
            let result = withUnsafeMutablePointer(to: &files) { filesPointer in
                git_tree_walk(tree, GIT_TREEWALK_PRE, { root, entry, payload in
                    guard let entry, let payload, git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return 0 }
                    let files = payload.assumingMemoryBound(to: [(path: String, id: ObjectID)].self)
                    let directory = root.map { String(cString: $0) } ?? ""
                    let name = String(cString: git_tree_entry_name(entry))
                    files.pointee.append((directory + name, ObjectID(git_tree_entry_id(entry))))
                    return 0
                }, filesPointer)
            }
            try GitError.check(result, operation: "list files of commit \(commit)")
            return files
        }
    }

    /// The blob id git would give the file at `url` as it is on disk, without writing it to the
    /// object database and without applying filters (such as CRLF conversion). Compare with
    /// `entryID(path:inCommit:)` to see if a working file matches a committed one.
    ///
    /// Calls `git_odb_hashfile` with `GIT_OBJECT_BLOB`.
    public func hashFile(at url: URL) throws(GitError) -> ObjectID {
        let path = url.path(percentEncoded: false)
        var oid = git_oid()
        try GitError.check(git_odb_hashfile(&oid, path, GIT_OBJECT_BLOB), operation: "hash file", path: path)
        return ObjectID(oid)
    }

    /// The tree entry at `path`, copied out before the tree is freed.
    private func entry(path: String, inCommit commit: ObjectID) throws(GitError) -> (id: ObjectID, isBlob: Bool)? {
        try withTree(ofCommit: commit) { tree throws(GitError) in
            var entry: OpaquePointer?
            let result = git_tree_entry_bypath(&entry, tree, path)
            if result == GitError.Code.notFound.rawValue { return nil }
            guard result == 0, let entry else {
                throw GitError.last(result, operation: "look up '\(path)' in commit \(commit)")
            }
            defer { git_tree_entry_free(entry) }
            return (ObjectID(git_tree_entry_id(entry)), git_tree_entry_type(entry) == GIT_OBJECT_BLOB)
        }
    }

    /// Runs `body` with a commit's root tree, freed afterwards (`git_commit_tree`).
    private func withTree<R>(ofCommit id: ObjectID, _ body: (OpaquePointer) throws(GitError) -> R) throws(GitError) -> R {
        try withCommit(id) { commit throws(GitError) in
            var tree: OpaquePointer?
            let result = git_commit_tree(&tree, commit)
            guard result == 0, let tree else { throw GitError.last(result, operation: "read tree of commit \(id)") }
            defer { git_tree_free(tree) }
            return try body(tree)
        }
    }
}
