import Foundation
import GitKit
import MergeKit

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
    /// Set for a merge: the devices that met.
    public var merge: HistoryMerge?
    /// The conflicts this commit recorded (kept side by side, see `hearth conflicts`): a merge's,
    /// or those of edits a sync had to keep back and merged in its next snapshot.
    public var conflicts: [MergeConflict]
    /// The entries that changed, in path order; for a merge, only the entries it merged itself
    /// (changed relative to every parent), compared with the first parent.
    public var changes: [EntryChange]
}
