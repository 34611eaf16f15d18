import NoteKit

/// One matching line found in an entry's history: where it is (or was), who first wrote it and,
/// when it is gone, who removed it.
public struct HistoryMatch: Sendable, Hashable {
    /// The line as it is now, or as the last version that had it held it: the entry's path
    /// today, the line number, text, highlights, field, kind and date.
    public var hit: GrepHit
    /// The earliest commit that added the line; an uncommitted event when it is only in the
    /// working tree so far.
    public var added: LineEvent
    /// The latest commit that removed the line (an uncommitted event when it was removed in the
    /// working tree since the last commit); nil while the line is present.
    public var removed: LineEvent?
    /// Whether the line went with the whole entry: the commit that removed it (or the change not
    /// yet committed) deleted the entry. False while the line is present, and for a line edited
    /// away before the entry was moved or deleted.
    public var entryDeleted: Bool

    /// Whether the entry holds the line today (in the working tree).
    public var isPresent: Bool { removed == nil }

    /// Creates a match.
    public init(hit: GrepHit, added: LineEvent, removed: LineEvent?, entryDeleted: Bool) {
        self.hit = hit
        self.added = added
        self.removed = removed
        self.entryDeleted = entryDeleted
    }
}
