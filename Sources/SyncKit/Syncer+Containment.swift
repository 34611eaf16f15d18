import Foundation
internal import GitKit

extension Syncer {
    /// Refuses the whole step when any path `changes` touch must not be written (see
    /// ``ContainedPath``), before a file, the index or a reference changes.
    func refuseUnsafePaths(_ changes: [TreeChange], commit: ObjectID) throws(SyncError) {
        for change in changes {
            for path in [change.oldPath, change.newPath].compactMap({ $0 }) {
                if let reason = ContainedPath.problem(in: path) {
                    throw SyncError.unsafePath(path: path, commit: commit.description, reason: reason)
                }
            }
        }
    }
}
