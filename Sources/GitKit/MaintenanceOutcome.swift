/// What `Repository.maintain(full:policy:checkpoint:)` did.
public struct MaintenanceOutcome: Sendable, Equatable {
    /// What ran.
    public enum Work: String, Sendable {
        /// Nothing to do: no packs to combine and no loose object.
        case nothing
        /// A geometric roll-up of the small packs and the loose objects.
        case rollUp = "roll-up"
        /// One pack of every reachable object, plus a cruft pack of the young unreachable ones.
        case full
    }

    /// What ran; a roll-up that left too many packs is followed by a full repack, reported as `.full`.
    public var work: Work
    /// Packs in `objects/pack` before (kept and cruft packs included).
    public var packsBefore: Int
    /// Packs there afterwards.
    public var packsAfter: Int
    /// Bytes of the packs' `.pack` and `.idx` files before.
    public var bytesBefore: Int64
    /// Bytes of the packs' files afterwards.
    public var bytesAfter: Int64
    /// Objects written into new packs (a cruft pack's included).
    public var objectsWritten: Int
    /// Old packs removed because the new packs hold every object of theirs that was kept.
    public var packsReplaced: Int
    /// Loose objects written into the new pack.
    public var looseObjectsPacked: Int
    /// Loose object files removed: packed ones (now in a verified pack) and expired unreachable ones.
    public var looseObjectsRemoved: Int
    /// Unreachable objects dropped because they were older than the grace period (full only).
    public var unreachableObjectsPruned: Int
    /// Unreachable objects kept, in the cruft pack, because they are younger than the grace period.
    public var unreachableObjectsKept: Int
    /// Leftovers of dead processes removed: quarantine folders and temporary pack or object files.
    public var leftoversRemoved: Int
    /// Whether a full run wrote the commit graph (`objects/info/commit-graph`) afresh; false for
    /// a roll-up, which leaves the graph as it was.
    public var commitGraphWritten = false
    /// How many reflog entries older than the policy's `reflogExpiry` a full run dropped (git's
    /// `gc` expires them too); 0 for a roll-up.
    public var reflogEntriesExpired = 0

    /// Creates an outcome from its parts.
    public init(work: Work, packsBefore: Int, packsAfter: Int, bytesBefore: Int64, bytesAfter: Int64, objectsWritten: Int = 0,
                packsReplaced: Int = 0, looseObjectsPacked: Int = 0, looseObjectsRemoved: Int = 0,
                unreachableObjectsPruned: Int = 0, unreachableObjectsKept: Int = 0, leftoversRemoved: Int = 0) {
        self.work = work
        self.packsBefore = packsBefore
        self.packsAfter = packsAfter
        self.bytesBefore = bytesBefore
        self.bytesAfter = bytesAfter
        self.objectsWritten = objectsWritten
        self.packsReplaced = packsReplaced
        self.looseObjectsPacked = looseObjectsPacked
        self.looseObjectsRemoved = looseObjectsRemoved
        self.unreachableObjectsPruned = unreachableObjectsPruned
        self.unreachableObjectsKept = unreachableObjectsKept
        self.leftoversRemoved = leftoversRemoved
    }
}
