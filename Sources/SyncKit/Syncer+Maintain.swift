import Foundation
internal import GitKit

extension Syncer {
    /// Repacks the notebook's repository into one pack, under the sync lock.
    ///
    /// A repack removes the packs it replaces, so it never runs while a sync (or another
    /// maintenance) holds the notebook: it takes the sync lock as ``sync()`` does, waiting up to
    /// the options' `lockWait`. The old packs go only after the new one is verified; loose objects
    /// stay as they are.
    ///
    /// - Throws: ``SyncError/locked(path:holder:)`` when another process still holds the lock
    ///   after the wait, with nothing changed; ``SyncError/git(_:)`` when the repack fails, with
    ///   every object still in a complete pack.
    public func maintain() throws(SyncError) -> MaintenanceReport {
        let lock = try SyncLock.acquire(at: repository.syncLockPath, wait: options.lockWait)
        defer { withExtendedLifetime(lock) {} }
        let outcome = try git { () throws(GitError) in try repository.repack() }
        return MaintenanceReport(packsBefore: outcome.packsBefore, packsAfter: outcome.packsAfter,
                                 bytesBefore: outcome.bytesBefore, bytesAfter: outcome.bytesAfter,
                                 objectsWritten: outcome.objectsWritten)
    }
}
