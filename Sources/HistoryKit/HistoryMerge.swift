/// What a merge commit records: which devices' histories met.
public struct HistoryMerge: Sendable, Hashable {
    /// The device that made the merge, then the device whose changes it took in.
    public var devices: [String]
}
