import GitKit
import MergeKit

/// What merging two commits' trees produced.
public struct TreeMergeResult: Sendable, Hashable {
    /// The merged tree, already written to the object database.
    public var tree: ObjectID
    /// Files both sides changed that went through the entry merge, sorted.
    public var mergedPaths: [String]
    /// The conflicts recorded (their record files are in `tree`).
    public var conflicts: [ConflictRecord]
}
