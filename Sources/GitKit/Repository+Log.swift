internal import Clibgit2
import Foundation

extension Repository {
    /// The commits reachable from `start` and from none of `hidden`, newest first, at most
    /// `limit` of them.
    ///
    /// Calls `git_revwalk_new`, `git_revwalk_sorting` (`GIT_SORT_TIME`, plus
    /// `GIT_SORT_TOPOLOGICAL` when `topological`, which never shows a parent before its
    /// children), `git_revwalk_push`, `git_revwalk_hide` and `git_revwalk_next`, then reads each
    /// commit with `commit(_:)`.
    public func log(from start: ObjectID, hiding hidden: [ObjectID] = [], limit: Int? = nil, topological: Bool = true) throws(GitError) -> [Commit] {
        try walk(from: start, hiding: hidden, limit: limit, topological: topological) { id throws(GitError) in try commit(id) }
    }

    /// The commits ``log(from:hiding:limit:topological:)`` lists, in the same order, each read as
    /// a ``CommitNode`` (`git_commit_lookup`, `git_commit_tree_id`, `git_commit_parent_id`,
    /// `git_commit_time` and `git_commit_time_offset`): for a walk that needs the message of few.
    package func commitNodes(from start: ObjectID, hiding hidden: [ObjectID] = []) throws(GitError) -> [CommitNode] {
        try walk(from: start, hiding: hidden, limit: nil, topological: true) { id throws(GitError) in try commitNode(id) }
    }

    /// The ids of the commits ``log(from:hiding:limit:topological:)`` lists (topologically), in
    /// the same order, without reading the commits themselves: the order alone, for a caller that
    /// knows the rest (libgit2 reads the commit graph, when there is one, for parents and times).
    package func commitIDs(from start: ObjectID, hiding hidden: [ObjectID] = []) throws(GitError) -> [ObjectID] {
        try walk(from: start, hiding: hidden, limit: nil, topological: true) { $0 }
    }

    /// The revision walk behind them: each commit's id, in order, read by `read`.
    private func walk<T>(from start: ObjectID, hiding hidden: [ObjectID], limit: Int?, topological: Bool,
                         read: (ObjectID) throws(GitError) -> T) throws(GitError) -> [T] {
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

        var commits: [T] = []
        while limit.map({ commits.count < $0 }) ?? true {
            var oid = git_oid()
            let result = git_revwalk_next(&oid, walk)
            if result == GitError.Code.iterOver.rawValue { break }
            try GitError.check(result, operation: operation)
            commits.append(try read(ObjectID(oid)))
        }
        return commits
    }
}
