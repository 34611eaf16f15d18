internal import Clibgit2

extension Repository {
    /// The best common ancestor of two commits, or nil when their histories never meet.
    ///
    /// Calls `git_merge_base`.
    public func mergeBase(_ a: ObjectID, _ b: ObjectID) throws(GitError) -> ObjectID? {
        var base = git_oid()
        var first = a.oid
        var second = b.oid
        let result = git_merge_base(&base, pointer, &first, &second)
        if result == GitError.Code.notFound.rawValue { return nil }
        try GitError.check(result, operation: "find the merge base of \(a) and \(b)")
        return ObjectID(base)
    }

    /// How many commits `local` has that `upstream` lacks (ahead) and the reverse (behind), as
    /// `git rev-list --left-right --count local...upstream` counts them.
    ///
    /// Calls `git_graph_ahead_behind`.
    public func aheadBehind(local: ObjectID, upstream: ObjectID) throws(GitError) -> (ahead: Int, behind: Int) {
        var ahead = 0
        var behind = 0
        var localOID = local.oid
        var upstreamOID = upstream.oid
        try GitError.check(
            git_graph_ahead_behind(&ahead, &behind, pointer, &localOID, &upstreamOID),
            operation: "count commits between \(local) and \(upstream)"
        )
        return (ahead, behind)
    }

    /// Whether `ancestor` is reachable from `commit` through parents. A commit is not its own
    /// descendant: equal ids give false.
    ///
    /// Calls `git_graph_descendant_of`.
    public func isDescendant(_ commit: ObjectID, of ancestor: ObjectID) throws(GitError) -> Bool {
        var commitOID = commit.oid
        var ancestorOID = ancestor.oid
        let result = git_graph_descendant_of(pointer, &commitOID, &ancestorOID)
        try GitError.check(result, operation: "check whether \(commit) descends from \(ancestor)")
        return result == 1
    }
}
