import Foundation
internal import GitKit
import HistoryKit

/// What hearth keeps per clone, in one place: every command that commits or syncs agrees on the
/// device name, the commit identity and the lock.
extension Repository {
    /// This clone's device name: `given` (from `--device`), else `hearth.device` from the clone's
    /// git config, else the host name; always sanitized.
    func hearthDevice(preferring given: String? = nil) throws(SyncError) -> String {
        if let given { return DeviceName.sanitized(given) }
        return try SyncError.wrapping { () throws(GitError) -> String in try deviceName() }
    }

    /// The author and committer of hearth's commits: the user's git identity when configured,
    /// else the device name. The time is now, or what `GIT_COMMITTER_DATE` says (see
    /// ``CommitDate``; the command line refuses a value it cannot read before anything runs).
    func hearthSignature(device: String) -> Signature {
        var signature = defaultSignature(fallbackName: device, fallbackEmail: "\(device)@hearth.invalid")
        if let (date, offset) = try? CommitDate.fromEnvironment() {
            signature.date = date
            signature.timeZoneOffsetMinutes = offset
        }
        return signature
    }

    /// The notebook's sync lock, `.git/hearth-sync.lock` (see ``SyncLock``).
    var syncLockPath: String {
        gitDirectory.appending(path: "hearth-sync.lock").path
    }
}
