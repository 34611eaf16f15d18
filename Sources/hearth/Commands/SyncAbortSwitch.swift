import Foundation
import SyncKit

/// `HEARTH_SYNC_ABORT_AT=<checkpoint>` makes `hearth sync` kill itself with SIGKILL at that
/// checkpoint: the crash tests use it to stop a real sync at a named point, the hard way.
enum SyncAbortSwitch {
    static func fromEnvironment() -> ((SyncCheckpoint) -> Void)? {
        if ProcessInfo.processInfo.environment["HEARTH_SYNC_TRACE"] != nil {
            let start = Date()
            return { checkpoint in FileHandle.standardError.write(Data("\(Int(Date().timeIntervalSince(start) * 1000)) ms \(checkpoint.rawValue)\n".utf8)) }
        }
        guard let name = ProcessInfo.processInfo.environment["HEARTH_SYNC_ABORT_AT"], !name.isEmpty else { return nil }
        return { checkpoint in
            if checkpoint.rawValue == name { kill(getpid(), SIGKILL) }
        }
    }
}
