internal import Clibgit2

extension Repository {
    /// The commits reachable from `start` and from none of `hidden`, newest first, at most
    /// `limit` of them.
    ///
    /// Calls `git_revwalk_new`, `git_revwalk_sorting` (`GIT_SORT_TIME`, plus
    /// `GIT_SORT_TOPOLOGICAL` when `topological`, which never shows a parent before its
    /// children), `git_revwalk_push`, `git_revwalk_hide` and `git_revwalk_next`, then reads each
    /// commit with `commit(_:)`.
    public func log(from start: ObjectID, hiding hidden: [ObjectID] = [], limit: Int? = nil, topological: Bool = true) throws(GitError) -> [Commit] {
        let operation = "walk history from \(start)"
        var walk: OpaquePointer?
        let created = git_revwalk_new(&walk, pointer)
        guard created == 0, let walk else { throw GitError.last(created, operation: operation) }
        defer { git_revwalk_free(walk) }

        var mode = GIT_SORT_TIME.rawValue
        if topological { mode |= GIT_SORT_TOPOLOGICAL.rawValue }
        try GitError.check(git_revwalk_sorting(walk, mode), operation: operation)
        var startOID = start.oid
        try GitError.check(git_revwalk_push(walk, &startOID), operation: operation)
        for id in hidden {
            var hiddenOID = id.oid
            try GitError.check(git_revwalk_hide(walk, &hiddenOID), operation: operation)
        }

        var commits: [Commit] = []
        while limit.map({ commits.count < $0 }) ?? true {
            var oid = git_oid()
            let result = git_revwalk_next(&oid, walk)
            if result == GitError.Code.iterOver.rawValue { break }
            try GitError.check(result, operation: operation)
            commits.append(try commit(ObjectID(oid)))
        }
        return commits
    }
}
