import Foundation
import SyncKit

/// What `hearth sync` does about maintenance once its sync has returned: starts what the sync
/// deferred in the background (``BackgroundMaintenance``) and warns about a maintenance that
/// failed, which never fails the sync.
enum SyncMaintenanceFollowUp {
    /// `maintenance` with what was deferred marked started, once the background run is.
    static func run(_ maintenance: SyncMaintenance, root: URL, log: URL) -> SyncMaintenance {
        var maintenance = maintenance
        if maintenance.isDeferred {
            switch BackgroundMaintenance.start(root: root, remote: maintenance.folderRemote?.remote, log: log) {
            case .success:
                maintenance.markStarted()
            case .failure(let failure):
                Diagnostics.note("warning: maintenance is due but could not start in the background (\(failure.reason)); "
                    + "hearth maintenance runs it by hand")
            }
        }
        for step in maintenance.steps where step.action == .failed {
            Diagnostics.note("warning: the sync succeeded, but maintaining \(step.target) failed: \(step.error ?? "unknown error"); "
                + "hearth maintenance runs it by hand")
        }
        return maintenance
    }

    /// The summary's lines: what maintenance did or started (nothing when nothing was due).
    static func lines(_ maintenance: SyncMaintenance) -> [String] {
        maintenance.steps.filter { [.done, .started, .busy].contains($0.action) }.map { "Maintenance: \($0.summary)." }
    }
}
