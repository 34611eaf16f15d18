/// Named points in a sync (and in its maintenance), where tests (and the crash tests' abort switch) can step in.
public enum SyncCheckpoint: String, Sendable, CaseIterable {
    /// The snapshot has judged (and merged) the stale editor saves among the files it commits
    /// and has read none of them for the commit yet.
    case afterStaleSaves = "after-stale-saves"
    /// The local snapshot commit exists; nothing has been fetched.
    case afterSnapshot = "after-snapshot"
    /// A fetch has started receiving objects (its first progress report); reported to
    /// ``SyncOptions/transferCheckpoint``, from the fetch's thread.
    case duringFetch = "during-fetch"
    /// The remote has been fetched.
    case afterFetch = "after-fetch"
    /// The merge commit exists but no working file has been touched.
    case afterMerge = "after-merge"
    /// Just before working files are rewritten for the new tree.
    case beforeCheckout = "before-checkout"
    /// About half of the working files have been written for the new tree.
    case duringCheckout = "during-checkout"
    /// Working files match the new tree; the branch has not moved yet.
    case afterCheckout = "after-checkout"
    /// The branch points at the new commit; nothing pushed yet.
    case afterReferenceUpdate = "after-ref-update"
    /// Just before the push.
    case beforePush = "before-push"
    /// A push has started sending objects (its first progress report); reported to
    /// ``SyncOptions/transferCheckpoint``, from the push's thread.
    case duringPush = "during-push"
    /// A push into a folder remote holds the remote branch's lock file, taken and recorded in
    /// `.git/hearth/remote-locks/`; the branch has not moved. Reported to
    /// ``SyncOptions/transferCheckpoint``, from the push's thread.
    case holdingRemoteLock = "holding-remote-lock"
    /// The push succeeded.
    case afterPush = "after-push"
    /// Encrypted remote, fetch: the carrier copy holds the remote's carrier; nothing opened or
    /// imported. Reported to ``SyncOptions/transferCheckpoint``, as are the other `encrypted-…` ones.
    case encryptedCarrierFetched = "encrypted-carrier-fetched"
    /// Encrypted remote, fetch: one pack's objects are in the notebook, not yet recorded as
    /// imported; the tracking references have not moved.
    case encryptedPackImported = "encrypted-pack-imported"
    /// Encrypted remote, push: the carrier commit (pack and manifest) is written and the carrier
    /// copy's branch points at it; nothing has been sent.
    case encryptedCarrierCommitted = "encrypted-carrier-committed"
    /// Encrypted remote, push: the remote holds the carrier commit; this device has not yet
    /// recorded its manifest as seen nor its pack as imported.
    case encryptedCarrierPushed = "encrypted-carrier-pushed"
    /// Maintenance is due and about to run, under the sync lock (within a sync, or in
    /// ``Syncer/maintainDue(stopRequested:)``); reached once per repository maintained.
    case beforeMaintenance = "before-maintenance"

    /// Maintenance: leftovers of dead processes removed, nothing else changed.
    case maintainAfterLeftovers = "maintain-after-leftovers"
    /// Maintenance (full): the old reflog entries are dropped, no pack changed.
    case maintainReflogsExpired = "maintain-reflogs-expired"
    /// Maintenance: the new pack is written and verified in its quarantine, not published.
    case maintainPackWritten = "maintain-pack-written"
    /// Maintenance: the new pack is published beside the old ones.
    case maintainPackPublished = "maintain-pack-published"
    /// Maintenance (full): the cruft pack of young unreachable objects is published.
    case maintainCruftPublished = "maintain-cruft-published"
    /// Maintenance: about half of the replaced packs are removed.
    case maintainDuringPackRemoval = "maintain-during-pack-removal"
    /// Maintenance: the replaced packs are removed, the loose objects not yet.
    case maintainAfterPackRemoval = "maintain-after-pack-removal"
    /// Maintenance: about half of the packed (or expired) loose objects are removed.
    case maintainDuringLoosePrune = "maintain-during-loose-prune"
    /// Maintenance is done.
    case maintainDone = "maintain-done"
}
