/// What a merge commit records: which devices' histories met, and what conflicted.
public struct HistoryMerge: Sendable, Hashable {
    /// The device that made the merge, then the device whose changes it took in.
    public var devices: [String]
    /// The conflicts the merge recorded (kept side by side, see `hearth conflicts`).
    public var conflicts: [MergeConflict]
}
