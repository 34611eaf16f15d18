import Foundation

/// What merging one file produced: its bytes, any files written beside it, and the conflicts.
public struct EntryMergeResult: Sendable, Hashable {
    /// Bytes to store at the merged path; nil when the file ends up deleted.
    public var merged: Data?
    /// Extra files written beside it (binary/unparseable case): repo-relative path + bytes.
    public var extraFiles: [ExtraFile]
    /// Every conflict the merge recorded, front-matter fields first, then text regions in file order.
    public var conflicts: [MergeConflict]

    /// Creates a result.
    public init(merged: Data?, extraFiles: [ExtraFile] = [], conflicts: [MergeConflict] = []) {
        self.merged = merged
        self.extraFiles = extraFiles
        self.conflicts = conflicts
    }
}
