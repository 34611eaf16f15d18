internal import GitKit
import MergeKit

/// One of the two commits a sync merges, with the label its lines and values carry.
struct MergeTip: Sendable, Hashable {
    /// The commit.
    var commit: ObjectID
    /// Its tree.
    var tree: ObjectID
    /// The device and time shown in conflict markers and records.
    var side: MergeSide

    /// A tip.
    init(commit: ObjectID, tree: ObjectID, side: MergeSide) {
        self.commit = commit
        self.tree = tree
        self.side = side
    }
}
