import Foundation
internal import GitKit

extension Syncer {
    /// Whether maintenance is due, from a look at the object folders (no lock, no object read).
    public func maintenanceUrgency() throws(SyncError) -> MaintenanceUrgency {
        let needs = try git { () throws(GitError) in try repository.maintenanceNeeds() }
        guard needs.isDue else { return .notNeeded }
        return needs.isCheap ? .cheap : .costly
    }

    /// Repacks the notebook's repository into one pack, under the sync lock.
    ///
    /// A repack removes the packs it replaces, so it never runs while a sync (or another
    /// maintenance) holds the notebook: it takes the sync lock as ``sync()`` does, waiting up to
    /// the options' `lockWait`. The old packs go only after the new one is verified; loose objects
    /// stay as they are.
    ///
    /// - Parameter scope: `.auto` does nothing unless ``maintenanceUrgency()`` says it is due;
    ///   `.full` always repacks.
    /// - Throws: ``SyncError/locked(path:holder:)`` when another process still holds the lock
    ///   after the wait, with nothing changed; ``SyncError/git(_:)`` when the repack fails, with
    ///   every object still in a complete pack.
    public func maintain(_ scope: MaintenanceScope = .full) throws(SyncError) -> MaintenanceReport {
        let lock = try SyncLock.acquire(at: repository.syncLockPath, wait: options.lockWait)
        defer { withExtendedLifetime(lock) {} }
        return try maintainHoldingLock(scope)
    }

    /// ``maintain(_:)`` for a caller that already holds the sync lock (a sync, after its push).
    func maintainHoldingLock(_ scope: MaintenanceScope) throws(SyncError) -> MaintenanceReport {
        if scope == .auto, try maintenanceUrgency() == .notNeeded {
            let packs = try git { () throws(GitError) in try repository.maintenanceNeeds().packs }
            return MaintenanceReport(packsBefore: packs, packsAfter: packs, bytesBefore: 0, bytesAfter: 0, objectsWritten: 0)
        }
        let outcome = try git { () throws(GitError) in try repository.maintain(full: scope == .full) }
        return MaintenanceReport(packsBefore: outcome.packsBefore, packsAfter: outcome.packsAfter,
                                 bytesBefore: outcome.bytesBefore, bytesAfter: outcome.bytesAfter,
                                 objectsWritten: outcome.objectsWritten)
    }
}
