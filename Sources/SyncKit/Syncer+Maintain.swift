import Foundation
internal import GitKit

extension Syncer {
    /// Maintains the notebook's repository under the sync lock: a geometric roll-up of the small
    /// packs and loose objects (`.auto`, only when a threshold is crossed), or a full repack that
    /// also prunes unreachable objects past their two-week grace period (`.full`).
    ///
    /// Old packs and loose objects go only after the new pack is verified, so a crash or a full
    /// disk loses nothing; see GitKit's `Repository.maintain(full:policy:now:checkpoint:)`.
    /// Maintenance removes packs, so it never runs while a sync (or another maintenance) holds
    /// the notebook: it takes the sync lock as ``sync()`` does, waiting up to the options'
    /// `lockWait`. The options' `checkpoint` is called at the `maintain-…` checkpoints.
    ///
    /// - Parameter scope: `.auto` does nothing unless a threshold is crossed (the notebook's
    ///   `hearth.maintenance.packLimit` and `looseLimit` settings, else git's 50 packs and
    ///   6,700 loose objects);
    ///   `.rollUp` rolls up whatever is small now; `.full` always repacks everything.
    /// - Throws: ``SyncError/locked(path:holder:)`` when another process still holds the lock
    ///   after the wait, with nothing changed; ``SyncError/git(_:)`` when a step fails, with
    ///   every object still in a complete pack or loose file.
    public func maintain(_ scope: MaintenanceScope = .full) throws(SyncError) -> MaintenanceReport {
        let lock = try SyncLock.acquire(at: repository.syncLockPath, wait: options.lockWait)
        defer { withExtendedLifetime(lock) {} }
        return try maintainHoldingLock(scope)
    }

    /// The work of ``maintain(_:)``, once it holds the sync lock. (A sync's own maintenance
    /// after its push goes through `maintainAfterSync`, which decides by size, not through here.)
    func maintainHoldingLock(_ scope: MaintenanceScope) throws(SyncError) -> MaintenanceReport {
        let policy = try AutoMaintenanceSettings(repository).policy
        if scope == .auto {
            let needs = try git { () throws(GitError) in try repository.maintenanceNeeds(policy: policy) }
            guard needs.isDue else {
                return MaintenanceReport(scope: scope, work: .nothing, packsBefore: needs.packs, packsAfter: needs.packs,
                                         bytesBefore: needs.packBytes, bytesAfter: needs.packBytes, objectsWritten: 0)
            }
        }
        let hook = options.checkpoint
        let outcome = try git { () throws(GitError) in
            try repository.maintain(full: scope == .full, policy: policy) { name in
                if let checkpoint = SyncCheckpoint(rawValue: name) { hook?(checkpoint) }
            }
        }
        return MaintenanceReport(outcome, scope: scope)
    }
}
