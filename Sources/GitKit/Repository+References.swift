internal import Clibgit2

extension Repository {
    /// The commit HEAD points at, or nil when HEAD's branch has no commits yet.
    ///
    /// Calls `git_repository_head` and `git_reference_peel`.
    public func headCommitID() throws(GitError) -> ObjectID? {
        var head: OpaquePointer?
        let result = git_repository_head(&head, pointer)
        if result == GitError.Code.unbornBranch.rawValue || result == GitError.Code.notFound.rawValue {
            return nil
        }
        guard result == 0, let head else { throw GitError.last(result, operation: "read HEAD") }
        defer { git_reference_free(head) }
        return try peeledCommitID(head, operation: "read HEAD")
    }

    /// The branch HEAD is on, e.g. "main", even before its first commit; nil when HEAD is
    /// detached.
    ///
    /// Calls `git_reference_lookup` on "HEAD" and `git_reference_symbolic_target`, so an unborn
    /// branch (which `git_repository_head` rejects) still has a name.
    public func currentBranchName() throws(GitError) -> String? {
        var head: OpaquePointer?
        let result = git_reference_lookup(&head, pointer, "HEAD")
        guard result == 0, let head else { throw GitError.last(result, operation: "read HEAD") }
        defer { git_reference_free(head) }
        guard git_reference_type(head) == GIT_REFERENCE_SYMBOLIC,
              let target = git_reference_symbolic_target(head).map({ String(cString: $0) })
        else { return nil }
        let prefix = "refs/heads/"
        return target.hasPrefix(prefix) ? String(target.dropFirst(prefix.count)) : target
    }

    /// Local branches (or remote-tracking branches when `remote` is true), sorted by name.
    /// Symbolic entries such as `origin/HEAD` are resolved to their commit.
    ///
    /// Calls `git_branch_iterator_new`, `git_branch_next`, `git_branch_name`,
    /// `git_reference_name` and `git_reference_peel`.
    public func branches(remote: Bool = false) throws(GitError) -> [Branch] {
        let operation = remote ? "list remote branches" : "list branches"
        var iterator: OpaquePointer?
        let result = git_branch_iterator_new(&iterator, pointer, remote ? GIT_BRANCH_REMOTE : GIT_BRANCH_LOCAL)
        guard result == 0, let iterator else { throw GitError.last(result, operation: operation) }
        defer { git_branch_iterator_free(iterator) }

        var branches: [Branch] = []
        while true {
            var reference: OpaquePointer?
            var type = GIT_BRANCH_LOCAL
            let next = git_branch_next(&reference, &type, iterator)
            if next == GitError.Code.iterOver.rawValue { break }
            guard next == 0, let reference else { throw GitError.last(next, operation: operation) }
            defer { git_reference_free(reference) }

            var shortName: UnsafePointer<CChar>?
            try GitError.check(git_branch_name(&shortName, reference), operation: operation)
            let fullName = String(cString: git_reference_name(reference))
            branches.append(Branch(
                name: shortName.map { String(cString: $0) } ?? fullName,
                fullName: fullName,
                target: try peeledCommitID(reference, operation: "resolve branch \(fullName)"),
                isRemote: type == GIT_BRANCH_REMOTE
            ))
        }
        return branches.sorted { $0.name < $1.name }
    }

    /// Resolves a revision expression such as "HEAD~2", "main" or an abbreviated id to a
    /// commit, peeling tags.
    ///
    /// Calls `git_revparse_single` and `git_object_peel` to `GIT_OBJECT_COMMIT`.
    /// - Throws: `GitError` with `.notFound`, `.ambiguous`, `.invalidSpec` or `.peel`.
    public func resolve(revision: String) throws(GitError) -> ObjectID {
        let operation = "resolve revision '\(revision)'"
        var object: OpaquePointer?
        let result = git_revparse_single(&object, pointer, revision)
        guard result == 0, let object else { throw GitError.last(result, operation: operation) }
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        let peeled = git_object_peel(&commit, object, GIT_OBJECT_COMMIT)
        guard peeled == 0, let commit else { throw GitError.last(peeled, operation: operation) }
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit))
    }

    /// The commit a reference ultimately points at (`git_reference_peel`).
    private func peeledCommitID(_ reference: OpaquePointer, operation: String) throws(GitError) -> ObjectID {
        var object: OpaquePointer?
        let result = git_reference_peel(&object, reference, GIT_OBJECT_COMMIT)
        guard result == 0, let object else { throw GitError.last(result, operation: operation) }
        defer { git_object_free(object) }
        return ObjectID(git_object_id(object))
    }
}
