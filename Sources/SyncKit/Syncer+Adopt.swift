import Foundation
internal import GitKit
import HistoryKit
import NoteKit

extension Syncer {
    /// Waits for the fetch started before the snapshot; one that found a tracking ref locked by
    /// another program is run again, waiting for it.
    func finishPrefetch(_ prefetch: BackgroundGitOperation, remote: String) throws(SyncError) {
        guard let failure = prefetch.wait() else { return }
        guard failure.gitError?.isLockContention == true else { throw failure.syncError(remote: remote, operation: "fetch from") }
        try fetch(remote)
    }

    /// On a branch without commits (a clone of a remote that was empty, whose first sync this is),
    /// checks out the remote's notebook when it has one by now, before the snapshot: a first commit
    /// of this clone's own would share no history with it, and the sync would refuse to merge.
    ///
    /// Files here that the remote also holds are kept as they are and merged with the remote's
    /// version by the snapshot (an add on both sides), as for any file a sync finds changed under
    /// it; only `hearth.yaml` and `.gitignore` that still hold exactly what the clone wrote give way
    /// to the remote's. A remote whose branch holds no `hearth.yaml` is not adopted (the sync then
    /// refuses it as unrelated history).
    /// - Returns: whether the remote's history was adopted.
    func adoptRemoteHistory(remote: String, branch: String, branchRef: String) throws(SyncError) -> Bool {
        let remoteBranch = try counterpart(of: branch, on: remote)
        let incoming = try git { () throws(GitError) -> ObjectID? in
            guard let incoming = try repository.referenceTarget("refs/remotes/\(remote)/\(remoteBranch)"),
                  try repository.fileContents(path: NotebookSetup.settingsFile, inCommit: incoming) != nil else { return nil }
            return incoming
        }
        guard let incoming else { return false }
        let fresh = NotebookSetup.freshFiles.filter { name, bytes in
            WorkingFile.read(root.appending(path: name).path(percentEncoded: false)) == .bytes(bytes)
        }
        _ = try moveBranch(branchRef, from: nil, to: incoming, assuming: fresh)
        return true
    }
}
