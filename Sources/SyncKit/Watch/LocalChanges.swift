import Foundation
internal import GitKit
import NoteKit

/// Whether the notebook holds anything a sync would commit: the cheap look the watcher takes
/// after files changed, so that the sync's own writes (a merge or fast-forward rewriting files)
/// never start another sync, while a save the user made at any moment always does.
public enum LocalChanges: Sendable, Equatable {
    /// The work tree matches the last commit and nothing is pending.
    case none
    /// Something is there to commit.
    case some
    /// Another sync holds the notebook's lock (its holder's description).
    case busy(holder: String)

    /// Looks at the notebook at `root`, holding the sync lock for the moment it takes: the look
    /// refreshes the index's stat data, which must never race a sync's own index writes.
    public static func check(root: URL) throws(SyncError) -> LocalChanges {
        let syncer = try Syncer(root: root)
        let repository = syncer.repository
        let lock: SyncLock
        do {
            lock = try SyncLock.acquire(at: repository.syncLockPath, wait: 0)
        } catch {
            if case .locked(_, let holder) = error { return .busy(holder: holder) }
            throw error
        }
        defer { withExtendedLifetime(lock) {} }
        // Files a sync had to keep as the user saved them are committed (merged) by the next one.
        if !PendingEdits.load(repository).bases.isEmpty { return .some }
        let entries = try syncer.git { () throws(GitError) in
            try syncer.writingLocally { () throws(GitError) in try repository.status() }
        }
        // "inner/": a nested repository, and editor artefacts: the snapshot leaves both alone.
        return entries.contains { !$0.flags.contains(.ignored) && !$0.path.hasSuffix("/") && !EditorArtefact.isArtefact(path: $0.path) }
            ? .some : .none
    }
}
