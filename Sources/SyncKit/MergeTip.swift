import GitKit
import MergeKit

/// One of the two commits a sync merges, with the label its lines and values carry.
public struct MergeTip: Sendable, Hashable {
    /// The commit.
    public var commit: ObjectID
    /// Its tree.
    public var tree: ObjectID
    /// The device and time shown in conflict markers and records.
    public var side: MergeSide

    /// A tip.
    public init(commit: ObjectID, tree: ObjectID, side: MergeSide) {
        self.commit = commit
        self.tree = tree
        self.side = side
    }
}
