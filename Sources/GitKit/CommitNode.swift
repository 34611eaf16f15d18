import Foundation

/// What a walk over a long history reads of each commit: its place in the graph and when it was
/// recorded, without the message and names ``Commit`` copies into Swift strings (for each of ten
/// thousand commits, most of which a `hearth log ENTRY` never prints).
package struct CommitNode: Sendable, Hashable {
    /// The commit's own id.
    package var id: ObjectID
    /// The root tree the commit records.
    package var treeID: ObjectID
    /// Parent commits, first parent first; empty for a root commit.
    package var parentIDs: [ObjectID]
    /// When the commit was recorded (the committer's time).
    package var date: Date
    /// The committer's UTC offset in minutes, as recorded.
    package var timeZoneOffsetMinutes: Int

    /// A commit as read elsewhere (HistoryKit's rename index keeps these fields).
    package init(id: ObjectID, treeID: ObjectID, parentIDs: [ObjectID], date: Date, timeZoneOffsetMinutes: Int) {
        self.id = id
        self.treeID = treeID
        self.parentIDs = parentIDs
        self.date = date
        self.timeZoneOffsetMinutes = timeZoneOffsetMinutes
    }
}
