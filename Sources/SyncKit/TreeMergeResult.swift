internal import GitKit
import MergeKit

/// What merging two commits' trees produced.
struct TreeMergeResult: Sendable, Hashable {
    /// The merged tree, already written to the object database.
    var tree: ObjectID
    /// Files both sides changed that went through the entry merge, sorted.
    var mergedPaths: [String]
    /// The conflicts recorded (their record files are in `tree`).
    var conflicts: [ConflictRecord]
}
