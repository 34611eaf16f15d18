import Foundation
internal import GitKit
import HistoryKit
import MergeKit
import NoteKit

extension Syncer {
    /// Brings an old version of an entry back as a new commit: history is never rewritten.
    ///
    /// Under the sync lock, it first commits the entry's own change not yet in history (as a sync
    /// would), so the bytes being replaced stay recoverable; then writes `bytes` to `path` atomically,
    /// only if the file is still what was just committed (an editor saving meanwhile wins, and
    /// the restore fails saying so); then commits that one path alone as
    /// `laptop: restore days/... as of LABEL (fields)`.
    /// - Parameters:
    ///   - path: The entry's path relative to the notebook root (it may not exist now).
    ///   - bytes: The old version's exact bytes.
    ///   - label: Which version it is, for the message (`2026-11-20 (a1b2c3d)`).
    public func restore(_ path: String, to bytes: Data, label: String) throws(SyncError) -> RestoreOutcome {
        let lock = try SyncLock.acquire(at: repository.syncLockPath, wait: options.lockWait)
        defer { withExtendedLifetime(lock) {} }
        let branchRef = "refs/heads/\(try checkedBranch())"
        StaleGitLocks.clear(in: repository.gitDirectory)
        InterruptedWrite.recover(repository)
        let rootPath = root.path(percentEncoded: false)
        if let problem = ContainedPath.problem(in: path)
            ?? ContainedPath.linkedFolder(on: path, under: rootPath).map({ "\($0) is a link or not a folder; hearth never writes through links" }) {
            throw SyncError.io(path: path, operation: "restore", reason: problem)
        }
        let target = root.appending(path: path).path(percentEncoded: false)
        // Already so: nothing to restore, and nothing else to commit on the way.
        if (try? FileSystem.read(target)).map({ Data($0) }) == bytes {
            return RestoreOutcome(path: path, commit: nil, savedFirst: nil, change: nil)
        }
        // Only the bytes this restore replaces must be in history first. Edits of other files are
        // never touched here, so they stay in the work tree for the next sync, never mixed into
        // these commits; and the status is of this path alone, not a `stat` of every file.
        let savedFirst = try takeSnapshot(branchRef: branchRef, only: path)
        var outcome = RestoreOutcome(path: path, commit: nil, savedFirst: savedFirst, change: nil)
        // The file must be exactly what history now holds: a save landing after the snapshot
        // exists nowhere else, and replacing it would lose it.
        let committed = try git { () throws(GitError) -> Data? in
            try repository.referenceTarget(branchRef).flatMap { head throws(GitError) in try repository.fileContents(path: path, inCommit: head) }
        }
        let current: [UInt8]? = try? FileSystem.read(target)
        guard current.map({ Data($0) }) == committed else {
            throw SyncError.changedWhileRestoring(path: path)
        }
        guard committed != bytes else { return outcome }
        do throws(NotebookError) {
            try FileSystem.createParents(of: target)
            try FileSystem.replace(target, with: [UInt8](bytes), expecting: current)
        } catch {
            throw SyncError.notebook(error)
        }
        snapshotMessage = { [device] descriptions in
            let fields = descriptions.first { $0.subject == path }?.fields ?? []
            let what = fields.isEmpty ? "" : " (\(fields.joined(separator: ", ")))"
            return "\(device): restore \(path) as of \(label)\(what)\n"
        }
        defer { snapshotMessage = nil }
        forgetRewrites(of: path)
        guard try takeSnapshot(branchRef: branchRef, only: path) != nil else { return outcome }
        let head = try git { () throws(GitError) in try repository.referenceTarget(branchRef) }
        outcome.commit = head?.description
        outcome.change = EntryComparison.change(.restore, path: path, old: committed, new: bytes)
        return outcome
    }
}
