import Foundation
import GitKit

/// One commit of a notebook's history, as `hearth log` tells it.
public struct HistoryEvent: Sendable, Hashable {
    /// The commit's full id.
    public var commit: ObjectID
    /// When the change was recorded.
    public var date: Date
    /// The offset of the recording device's clock from UTC, in minutes.
    public var timeZoneOffsetMinutes: Int
    /// The device that recorded it (the `device:` prefix of hearth's messages, else the author).
    public var device: String
    /// The commit message's first line.
    public var summary: String
    /// Set for a merge: the devices that met and the conflicts recorded.
    public var merge: HistoryMerge?
    /// The entries that changed, in path order; for a merge, only entries it merged (changed
    /// relative to both sides) and the conflicted ones.
    public var changes: [EntryChange]
}
