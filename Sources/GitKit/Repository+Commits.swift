internal import Clibgit2

extension Repository {
    /// Creates a commit object for `tree` with the given parents and, when `updatingReference`
    /// is not nil, moves that reference (following HEAD to its branch) to the new commit.
    /// The message is stored verbatim.
    ///
    /// Calls `git_tree_lookup`, `git_commit_lookup` for each parent, `git_signature_new` and
    /// `git_commit_create`.
    /// - Throws: `GitError` with code `.modified` when the reference no longer points at the
    ///   first parent (someone else committed in between).
    @discardableResult
    public func createCommit(
        tree: ObjectID, parents: [ObjectID], message: String, author: Signature, committer: Signature,
        updatingReference: String? = "HEAD"
    ) throws(GitError) -> ObjectID {
        let operation = "create commit"
        var treeOID = tree.oid
        var treePointer: OpaquePointer?
        let treeResult = git_tree_lookup(&treePointer, pointer, &treeOID)
        guard treeResult == 0, let treePointer else {
            throw GitError.last(treeResult, operation: "look up tree \(tree)")
        }
        defer { git_tree_free(treePointer) }

        var parentPointers: [OpaquePointer?] = []
        defer { parentPointers.forEach { git_commit_free($0) } }
        for parent in parents {
            var parentOID = parent.oid
            var parentPointer: OpaquePointer?
            let result = git_commit_lookup(&parentPointer, pointer, &parentOID)
            guard result == 0, let parentPointer else {
                throw GitError.last(result, operation: "look up parent commit \(parent)")
            }
            parentPointers.append(parentPointer)
        }

        return try author.withGitSignature(operation: operation) { authorSignature throws(GitError) in
            try committer.withGitSignature(operation: operation) { committerSignature throws(GitError) in
                var oid = git_oid()
                let count = parentPointers.count
                let result = parentPointers.withUnsafeMutableBufferPointer { buffer in
                    git_commit_create(
                        &oid, pointer, updatingReference, authorSignature, committerSignature,
                        nil, message, treePointer, count, buffer.baseAddress
                    )
                }
                try GitError.check(result, operation: operation, path: updatingReference)
                return ObjectID(oid)
            }
        }
    }

    /// Reads a commit's metadata.
    ///
    /// Calls `git_commit_lookup`, `git_commit_message`, `git_commit_summary`,
    /// `git_commit_author`, `git_commit_committer`, `git_commit_tree_id` and
    /// `git_commit_parent_id`.
    public func commit(_ id: ObjectID) throws(GitError) -> Commit {
        try withCommit(id) { commit in
            let parents = (0..<git_commit_parentcount(commit)).compactMap { index in
                git_commit_parent_id(commit, index).map(ObjectID.init)
            }
            return Commit(
                id: id,
                treeID: ObjectID(git_commit_tree_id(commit)),
                parentIDs: parents,
                message: git_commit_message(commit).map { String(cString: $0) } ?? "",
                summary: git_commit_summary(commit).map { String(cString: $0) } ?? "",
                author: Signature(git_commit_author(commit)),
                committer: Signature(git_commit_committer(commit))
            )
        }
    }

    /// Runs `body` with a looked-up `git_commit *`, freed afterwards (`git_commit_lookup`).
    func withCommit<R>(_ id: ObjectID, _ body: (OpaquePointer) throws(GitError) -> R) throws(GitError) -> R {
        var oid = id.oid
        var commit: OpaquePointer?
        let result = git_commit_lookup(&commit, pointer, &oid)
        guard result == 0, let commit else { throw GitError.last(result, operation: "look up commit \(id)") }
        defer { git_commit_free(commit) }
        return try body(commit)
    }
}
