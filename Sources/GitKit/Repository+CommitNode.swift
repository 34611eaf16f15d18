internal import Clibgit2
import Foundation

extension Repository {
    /// Commit `id` as a ``CommitNode`` (`git_commit_lookup`, `git_commit_tree_id`,
    /// `git_commit_parent_id`, `git_commit_time` and `git_commit_time_offset`), without a walk:
    /// for a caller that follows parents itself and stops where it knows the rest.
    package func commitNode(_ id: ObjectID) throws(GitError) -> CommitNode {
        try withCommit(id) { commit in
            CommitNode(id: id, treeID: ObjectID(git_commit_tree_id(commit)),
                       parentIDs: (0..<git_commit_parentcount(commit)).compactMap { git_commit_parent_id(commit, $0).map(ObjectID.init) },
                       date: Date(timeIntervalSince1970: TimeInterval(git_commit_time(commit))),
                       timeZoneOffsetMinutes: Int(git_commit_time_offset(commit)))
        }
    }
}
