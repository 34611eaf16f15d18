import Foundation

/// One side of a merge, already put in canonical order by the caller (first = older tip).
public struct MergeSide: Sendable, Hashable {
    /// The label shown in conflict markers and records, e.g. "laptop".
    public var device: String
    /// That side's tip commit time.
    public var time: Date

    /// Creates a side.
    public init(device: String, time: Date) {
        self.device = device
        self.time = time
    }
}
