/// The named points of `Repository.maintain(full:policy:checkpoint:)`, passed by raw value to its
/// `checkpoint` closure (crash tests stop the process there). Each says what is on disk then.
public enum MaintenanceCheckpoint: String, Sendable, CaseIterable {
    /// Leftovers of dead processes are removed; nothing else has changed.
    case afterLeftovers = "maintain-after-leftovers"
    /// A full run has dropped the old reflog entries; no pack has changed.
    case reflogsExpired = "maintain-reflogs-expired"
    /// The new pack (of a roll-up, or the reachable objects of a full repack) is written and
    /// verified in its quarantine folder, not published: the repository is as it was.
    case packWritten = "maintain-pack-written"
    /// The new pack is published beside the old ones; some objects are in two packs.
    case packPublished = "maintain-pack-published"
    /// A full repack's cruft pack (young unreachable objects) is published; no old pack removed.
    case cruftPublished = "maintain-cruft-published"
    /// About half of the old packs are removed (the ones whose objects the new packs hold).
    case duringPackRemoval = "maintain-during-pack-removal"
    /// The old packs are removed; every loose object is still there.
    case afterPackRemoval = "maintain-after-pack-removal"
    /// About half of the loose objects to remove are removed (packed ones, or old unreachable ones).
    case duringLoosePrune = "maintain-during-loose-prune"
    /// Everything is done.
    case done = "maintain-done"
}
