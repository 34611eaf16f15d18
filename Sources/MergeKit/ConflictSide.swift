import Foundation

/// One side's version of a conflicting field, region or file.
public struct ConflictSide: Sendable, Hashable, Codable {
    /// The device label of that side.
    public var device: String
    /// That side's tip commit time.
    public var time: Date
    /// `.field`: the value as YAML text ("" for an absent or deleted key); `.text`: the side's
    /// lines of the region; `.deleted`: "" for the side that deleted, what the other changed
    /// (`EditSummary`; "" in records written before it) for the side that edited; `.file`: the path where
    /// this side's bytes now live.
    public var value: String
    /// Whether this side deleted the key or the file.
    public var deleted: Bool

    /// Creates a conflict side.
    public init(device: String, time: Date, value: String, deleted: Bool = false) {
        self.device = device
        self.time = time
        self.value = value
        self.deleted = deleted
    }
}
