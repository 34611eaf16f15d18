import Foundation
internal import GitKit

extension Syncer {
    /// Removes the folder-remote locks that this notebook's killed syncs provably left
    /// (``OwnRemoteLocks``) and tells ``SyncOptions/removedStaleRemoteLock`` of each. Call while
    /// holding the notebook's sync lock.
    func recoverOwnRemoteLocks() {
        for path in OwnRemoteLocks(repository).recover() {
            options.removedStaleRemoteLock?(path)
        }
    }
}
