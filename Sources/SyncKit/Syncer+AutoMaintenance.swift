import Foundation
internal import GitKit
import HistoryKit

extension Syncer {
    /// What a sync does about maintenance once it has pushed, still holding the sync lock: the
    /// notebook's repository, and the folder remote when this sync pushed to one, each maintained
    /// now when the work is small (``MaintenanceAction/done``) and otherwise left for
    /// ``maintainDue(stopRequested:)`` (``MaintenanceAction/deferred``), so the sync never waits seconds for
    /// it. A failure is recorded, never thrown: the sync itself has succeeded.
    func maintainAfterSync(remote: String?, pushed: Bool) -> SyncMaintenance {
        let settings: AutoMaintenanceSettings
        do {
            settings = try AutoMaintenanceSettings(repository)
        } catch {
            return SyncMaintenance(notebook: MaintenanceStep(action: .failed, error: error.description))
        }
        guard settings.mode != .off else { return SyncMaintenance(notebook: MaintenanceStep(action: .off)) }
        var result = SyncMaintenance(notebook: step(repository, remote: nil, settings: settings))
        if pushed, let remote, let folder = folderRemote(remote) {
            result.folderRemote = step(folder, remote: remote, settings: settings)
        }
        return result
    }

    /// Does whatever maintenance is due, however long it takes: the notebook's repository, then
    /// the folder remote it syncs with (under that remote's branch locks). What a program runs
    /// after a sync that deferred some (``SyncMaintenance/isDeferred``): `hearth sync` starts it
    /// in the background, `hearth watch` runs it when idle.
    ///
    /// It takes the sync lock as ``sync()`` does, waiting up to the options' `lockWait`, so it
    /// never runs while a sync does. Failures are recorded in the result, not thrown.
    ///
    /// A repository's maintenance, once begun, runs to its end: each of its steps is crash-safe,
    /// but it has no way to stop cleanly half-way. `stopRequested`, asked between the two
    /// repositories, skips the folder remote when it says true (a watcher told to stop).
    ///
    /// - Throws: ``SyncError/locked(path:holder:)`` when another process still holds the sync
    ///   lock after the wait, with nothing done.
    public func maintainDue(stopRequested: () -> Bool = { false }) throws(SyncError) -> SyncMaintenance {
        let lock = try SyncLock.acquire(at: repository.syncLockPath, wait: options.lockWait, forMaintenance: true)
        defer { withExtendedLifetime(lock) {} }
        // A maintenance killed while holding a folder remote left its branch locks: clear them.
        InterruptedWrite.recover(repository)
        var settings: AutoMaintenanceSettings
        do {
            settings = try AutoMaintenanceSettings(repository)
        } catch {
            return SyncMaintenance(notebook: MaintenanceStep(action: .failed, error: error.description))
        }
        // Run now, whatever the size: this is the "after".
        settings.mode = .foreground
        var result = SyncMaintenance(notebook: step(repository, remote: nil, settings: settings))
        if stopRequested() { return result }
        if let branch = try? repository.currentBranchName(), let remote = try? chooseRemote(branch: branch),
           let folder = folderRemote(remote) {
            result.folderRemote = step(folder, remote: remote, settings: settings)
        }
        return result
    }

    /// Where a program that runs ``maintainDue(stopRequested:)`` in the background writes what it did:
    /// `.git/hearth/maintenance.log`, where git keeps its `gc.log`; never synced.
    public var maintenanceLog: URL {
        repository.gitDirectory.appending(path: "hearth/maintenance.log")
    }

    /// The bare repository of a remote that a push reaches as a folder (its push URL when one is
    /// configured, as the push itself chooses); nil for a network remote or one that cannot be
    /// opened (the sync's push would have said why).
    private func folderRemote(_ remote: String) -> Repository? {
        guard let folder = pushFolder(of: remote),
              let opened = try? Repository.open(at: folder), opened.isBare else { return nil }
        return opened
    }

    /// Maintains `target` (the notebook's repository, or the folder remote named `remote`) if
    /// the settings' policy says it is due, now or (as the mode says) deferred.
    private func step(_ target: Repository, remote: String?, settings: AutoMaintenanceSettings) -> MaintenanceStep {
        var step = MaintenanceStep(remote: remote, action: .notNeeded)
        let policy = settings.policy
        do {
            let needs = try target.maintenanceNeeds(policy: policy)
            guard needs.isDue else { return step }
            if settings.mode == .background || (settings.mode == .automatic && !needs.isCheap) {
                step.action = .deferred
                return step
            }
            // A folder remote is held as a push holds it; the notebook is held by the sync lock.
            var remoteLock: RemoteMaintenanceLock?
            if remote != nil {
                switch RemoteMaintenanceLock.acquire(target, markingIn: repository) {
                case .success(let lock):
                    remoteLock = lock
                case .failure(.busy):
                    step.action = .busy
                    return step
                case .failure(.failed(let path, let reason)):
                    step.action = .failed
                    step.error = SyncError.io(path: path, operation: "lock the folder remote for its maintenance", reason: reason).description
                    return step
                }
            }
            reach(.beforeMaintenance)
            let hook = options.checkpoint
            // Within a sync (the automatic mode's cheap work) a roll-up never goes on to a full
            // repack: if one is due after it, the step is deferred, and the run after the sync does it.
            let withinSync = settings.mode == .automatic
            let outcome = try withExtendedLifetime(remoteLock) { () throws(GitError) in
                try target.maintain(full: false, policy: policy, fullIfDue: !withinSync) { name in
                    if let checkpoint = SyncCheckpoint(rawValue: name) { hook?(checkpoint) }
                }
            }
            var stillDue = false
            if withinSync { stillDue = try target.maintenanceNeeds(policy: policy).isDue }
            step.action = stillDue ? .deferred : .done
            step.report = MaintenanceReport(outcome, scope: .auto)
        } catch {
            step.action = .failed
            step.error = SyncError.git(GitFailure(error)).description
        }
        return step
    }
}
