/// What `Syncer.maintain(_:)` did to the notebook's repository.
public struct MaintenanceReport: Sendable, Hashable, Codable {
    /// What ran.
    public enum Work: String, Sendable, Hashable, Codable {
        /// Nothing: not due (`.auto`), or nothing to pack.
        case nothing
        /// A geometric roll-up of the small packs and the loose objects.
        case rollUp = "roll-up"
        /// A full repack: one pack of the reachable objects, unreachable ones pruned after their grace.
        case full
    }

    /// What was asked for.
    public var scope: MaintenanceScope
    /// What ran: a `.auto` run that left too many packs after its roll-up says `.full`.
    public var work: Work
    /// Packs in `.git/objects/pack` before, kept ones included.
    public var packsBefore: Int
    /// Packs there afterwards.
    public var packsAfter: Int
    /// Bytes of the packs (`.pack` and `.idx` files) before.
    public var bytesBefore: Int64
    /// Bytes of the packs afterwards.
    public var bytesAfter: Int64
    /// Objects written into new packs; 0 when nothing ran.
    public var objectsWritten: Int
    /// Old packs removed because the new ones hold their objects.
    public var packsReplaced: Int
    /// Loose objects written into a pack.
    public var looseObjectsPacked: Int
    /// Loose object files removed (packed, or unreachable and past the grace period).
    public var looseObjectsRemoved: Int
    /// Unreachable objects dropped, past the grace period (full only).
    public var unreachableObjectsPruned: Int
    /// Unreachable objects kept in a cruft pack until their grace period ends (full only).
    public var unreachableObjectsKept: Int
    /// Leftovers of interrupted runs removed (quarantine folders, temporary pack files).
    public var leftoversRemoved: Int
    /// Reflog entries older than 90 days dropped (full only), as `git gc` expires them.
    public var reflogEntriesExpired: Int

    /// Creates a report from its parts.
    public init(scope: MaintenanceScope = .full, work: Work = .full, packsBefore: Int, packsAfter: Int, bytesBefore: Int64,
                bytesAfter: Int64, objectsWritten: Int, packsReplaced: Int = 0, looseObjectsPacked: Int = 0,
                looseObjectsRemoved: Int = 0, unreachableObjectsPruned: Int = 0, unreachableObjectsKept: Int = 0,
                leftoversRemoved: Int = 0, reflogEntriesExpired: Int = 0) {
        self.scope = scope
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
        self.reflogEntriesExpired = reflogEntriesExpired
    }
}
