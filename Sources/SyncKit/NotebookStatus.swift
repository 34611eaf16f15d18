import Foundation
internal import GitKit
import NoteKit

/// `hearth status`: what has not been synced yet, how the notebook stands against its remote as
/// of the last fetch, and the open conflicts. Reads only; never touches the network.
public struct NotebookStatus: Sendable, Codable {
    /// One file not yet on the remote.
    public struct Change: Sendable, Codable, Hashable {
        /// The path relative to the notebook root.
        public var path: String
        /// added, modified or deleted.
        public var change: String
        /// False while it is only in the working tree; true once committed but not pushed.
        public var committed: Bool
    }

    /// The current branch.
    public var branch: String?
    /// The remote the next sync uses, nil when none is configured.
    public var remote: String?
    /// Commits here that the remote lacks, as of the last fetch (nil without a remote branch).
    public var ahead: Int?
    /// Commits on the remote not here yet, as of the last fetch.
    public var behind: Int?
    /// Files changed and not yet synced.
    public var changes: [Change]
    /// The open conflicts.
    public var conflicts: [ConflictSummary]

    /// Reads the status of the notebook at `root`.
    public static func read(root: URL) throws(SyncError) -> NotebookStatus {
        let syncer = try Syncer(root: root)
        let repository = syncer.repository
        return try SyncError.wrapping { () throws(GitError) -> NotebookStatus in
            let branch = try repository.currentBranchName()
            var changes: [Change] = []
            var seen: Set<String> = []
            // Editor artefacts are never synced, so they are no change waiting for a sync.
            for entry in try repository.status(refreshingIndex: false, memo: repository.headIndexMemo) where !entry.flags.contains(.ignored) && !EditorArtefact.isArtefact(path: entry.path) {
                let flags = entry.flags
                let change = flags.contains(.workTreeNew) || flags.contains(.indexNew) ? "added"
                    : flags.contains(.workTreeDeleted) || flags.contains(.indexDeleted) ? "deleted" : "modified"
                changes.append(Change(path: entry.path, change: change, committed: false))
                seen.insert(entry.path)
            }
            let remote = try? syncer.chooseRemote(branch: branch ?? "main")
            var ahead: Int?
            var behind: Int?
            if let remote: String = remote ?? nil, let branch,
               let head = try repository.headCommitID() {
                let remoteBranch = (try? syncer.counterpart(of: branch, on: remote)) ?? branch
                if let tracked = try repository.referenceTarget("refs/remotes/\(remote)/\(remoteBranch)") {
                    let counts = try repository.aheadBehind(local: head, upstream: tracked)
                    (ahead, behind) = (counts.ahead, counts.behind)
                    if counts.ahead > 0 {
                        let base = try repository.mergeBase(head, tracked)
                        let from = try base.map { id throws(GitError) in try repository.commit(id).treeID }
                        for change in try repository.treeChanges(from: from, to: try repository.commit(head).treeID, detectRenames: false) {
                            guard let path = change.newPath ?? change.oldPath, !seen.contains(path) else { continue }
                            let kind = change.status == .added ? "added" : change.status == .deleted ? "deleted" : "modified"
                            changes.append(Change(path: path, change: kind, committed: true))
                        }
                    }
                } else {
                    ahead = try repository.log(from: head).count
                    behind = 0
                }
            }
            let conflicts = ((try? ConflictStore(root: syncer.root).all()) ?? []).map(ConflictSummary.init)
            return NotebookStatus(branch: branch, remote: remote ?? nil, ahead: ahead, behind: behind,
                                  changes: changes.sorted { $0.path < $1.path }, conflicts: conflicts)
        }
    }
}
