import ArgumentParser
import Foundation
import NoteKit
import SyncKit

/// `hearth maintenance --after-sync REMOTE`: the run ``BackgroundMaintenance`` starts after a sync
/// deferred maintenance, with the remote that sync used (empty for the default). Does what is
/// due (``Syncer/maintainDue(stopRequested:)``) and writes one timestamped
/// line per repository it maintained to its stdout, the log. Never waits for the sync lock: when
/// another sync or maintenance holds the notebook it says so and leaves the work to the next one.
///
/// `HEARTH_MAINTENANCE_WAIT_FOR=<path>` (tests) holds the run, with the lock taken, until a file
/// is at that path (at most a minute), so a test can see a sync end while the run still works;
/// `HEARTH_SYNC_ABORT_AT=before-maintenance` kills it there.
enum AfterSyncMaintenance {
    static func run(root: URL, remote: String) throws {
        var options = SyncOptions(remote: remote.isEmpty ? nil : remote, lockWait: 0)
        let abort = SyncCheckpointHook.fromEnvironment()
        let waitFor = ProcessInfo.processInfo.environment["HEARTH_MAINTENANCE_WAIT_FOR"].flatMap { $0.isEmpty ? nil : $0 }
        options.checkpoint = { checkpoint in
            abort?(checkpoint)
            guard checkpoint == .beforeMaintenance, let waitFor else { return }
            log("holding the lock (pid \(getpid())); waiting for \(waitFor)")
            let deadline = Date().addingTimeInterval(60)
            while !FileManager.default.fileExists(atPath: waitFor), Date() < deadline { usleep(20_000) }
        }
        let result: SyncMaintenance
        do {
            result = try Syncer(root: root, options: options).maintainDue()
        } catch {
            guard case .locked(_, let holder) = error else { throw error }
            log("another sync or maintenance holds the notebook (\(holder)); leaving it to the next")
            return
        }
        let steps = result.steps.filter { $0.action != .notNeeded }
        for step in steps { log(step.summary) }
        if steps.isEmpty { log("nothing due any more") }
        if steps.contains(where: { $0.action == .failed }) { throw ExitCode.failure }
    }

    /// One line of the log: the time, then `text`.
    private static func log(_ text: String) {
        Terminal.standardOutput.write("\(ISOTimestamp.string(Date(), in: .current)) maintenance after sync: \(text)\n")
    }
}
