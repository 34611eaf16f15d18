import Foundation
import SyncKit

/// What `hearth sync` (and `hearth maintenance`, at its `maintain-…` checkpoints) does at its
/// named checkpoints, set from the environment:
/// - `HEARTH_SYNC_TRACE=1` prints the milliseconds since the start at each one on stderr (how the
///   benchmark's time splits into snapshot, fetch, merge, checkout and push);
/// - `HEARTH_SYNC_ABORT_AT=<checkpoint>` kills the process with SIGKILL there: the crash tests
///   stop a real sync at a named point the hard way, then check the next sync recovers.
enum SyncCheckpointHook {
    /// The hook, or nil when neither variable is set. `@Sendable`: `during-fetch` and
    /// `during-push` are reached on the fetch's or push's own thread.
    static func fromEnvironment() -> (@Sendable (SyncCheckpoint) -> Void)? {
        let environment = ProcessInfo.processInfo.environment
        if let name = environment["HEARTH_SYNC_ABORT_AT"], !name.isEmpty {
            return { checkpoint in
                if checkpoint.rawValue == name { kill(getpid(), SIGKILL) }
            }
        }
        guard environment["HEARTH_SYNC_TRACE"] != nil else { return nil }
        let start = Date()
        return { checkpoint in
            let elapsed = Int(Date().timeIntervalSince(start) * 1000)
            Diagnostics.status("\(elapsed) ms \(checkpoint.rawValue)")
        }
    }
}
