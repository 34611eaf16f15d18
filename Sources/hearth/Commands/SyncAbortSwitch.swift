import Foundation
import SyncKit

/// `HEARTH_SYNC_ABORT_AT=<checkpoint>` makes `hearth sync` kill itself with SIGKILL at that
/// checkpoint: the crash tests use it to stop a real sync at a named point, the hard way.
enum SyncAbortSwitch {
    static func fromEnvironment() -> ((SyncCheckpoint) -> Void)? {
        guard let name = ProcessInfo.processInfo.environment["HEARTH_SYNC_ABORT_AT"], !name.isEmpty else { return nil }
        return { checkpoint in
            if checkpoint.rawValue == name { kill(getpid(), SIGKILL) }
        }
    }
}
