/// What one `hearth sync` did, for the summary and `--json`.
public struct SyncReport: Sendable, Codable {
    /// The remote synced with, nil when none is configured.
    public var remote: String?
    /// The branch synced.
    public var branch: String
    /// The remote's branch it synced with (its upstream, `main` for a local `dev2` that tracks
    /// `origin/main`); nil when there is no remote.
    public var remoteBranch: String? = nil
    /// The local snapshot commit's subject, nil when nothing had changed.
    public var snapshot: String?
    /// How the histories related.
    public var outcome: SyncOutcome
    /// Commits this device sent.
    public var sent: Int
    /// Commits received from the remote.
    public var received: Int
    /// Files whose content changed in this notebook because of what was received.
    public var receivedPaths: [String]
    /// Files both sides changed, merged entry by entry.
    public var mergedPaths: [String]
    /// Conflicts this sync recorded.
    public var newConflicts: [ConflictSummary]
    /// All conflicts open after the sync.
    public var openConflicts: Int
    /// Files saved during the sync: kept as written, they go out with the next sync.
    public var keptLocal: [String]
    /// How many pushes it took (a rejected push is retried after fetching again).
    public var pushAttempts: Int
    /// The commit the branch points at afterwards.
    public var head: String?
    /// Set when this sync created the branch on an ssh or https remote whose `HEAD` names a
    /// branch that does not exist (`git init --bare` leaves it on `master`): the branch a plain
    /// `git clone` should check out, which hearth cannot make the server's `HEAD` over git's
    /// protocol. Such a clone checks out nothing.
    public var remoteHeadMissing: String? = nil
    /// How many of the pushes found the remote's branch locked by another device's push and
    /// waited for it (the others that failed found the remote moved).
    public var lockWaits: Int = 0
    /// What the sync did about maintenance once it had pushed: done within it when small, else
    /// deferred for ``Syncer/maintainDue(stopRequested:)``.
    public var maintenance = SyncMaintenance()
}
