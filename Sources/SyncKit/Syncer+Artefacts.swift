import Foundation
internal import GitKit
import NoteKit

/// Editor artefacts (``EditorArtefact``) that reached the repository before hearth skipped them,
/// or through another git client: found for `hearth check`, taken out by `hearth check --fix`.
extension Syncer {
    /// The editor artefacts in the current commit's tree, in tree order; none before the first
    /// commit.
    public func committedArtefacts() throws(SyncError) -> [String] {
        try git { () throws(GitError) -> [String] in
            guard let head = try repository.headCommitID() else { return [] }
            return try artefacts(in: head)
        }
    }

    /// Takes the committed editor artefacts out of the repository and never off the disk: one
    /// commit on the current branch that deletes them from the tree, named
    /// `DEVICE: remove N editor artefacts from the repository (kept on disk)` with one line per
    /// path, and the same paths out of the index, so each file stays on disk untracked. Runs under
    /// the sync lock (a running sync finishes first) and commits nothing else: other changes wait
    /// for the next sync, which also sends this commit.
    ///
    /// On another device that commit deletes a file only where it still holds the committed
    /// bytes (see `updateWorkingTree(from:to:changes:)`): a copy that arrived by sync goes, an
    /// editor's own swap file there differs from it and stays, untracked.
    /// - Returns: nil when the tree holds no artefact.
    public func removeCommittedArtefacts() throws(SyncError) -> ArtefactRemoval? {
        let lock = try SyncLock.acquire(at: repository.syncLockPath, wait: options.lockWait)
        defer { withExtendedLifetime(lock) {} }
        let branchRef = "refs/heads/\(try checkedBranch())"
        StaleGitLocks.clear(in: repository.gitDirectory)
        InterruptedWrite.recover(repository)
        return try git { () throws(GitError) -> ArtefactRemoval? in
            guard let head = try repository.referenceTarget(branchRef) else { return nil }
            let paths = try artefacts(in: head)
            guard !paths.isEmpty else { return nil }
            let tree = try repository.updatedTree(try repository.commit(head).treeID, applying: paths.map { .remove(path: $0) })
            let subject = paths.count == 1 ? "remove editor artefact \(paths[0])" : "remove \(paths.count) editor artefacts"
            let lines = paths.map { "delete \($0) (\(EditorArtefact.what(path: $0) ?? "an editor artefact"))" }
            let message = "\(device): \(subject) from the repository (kept on disk)\n\n" + lines.joined(separator: "\n") + "\n"
            let signature = signature()
            let commit = try repository.createCommit(tree: tree, parents: [head], message: message,
                                                     author: signature, committer: signature, updatingReference: nil)
            try writingLocally { () throws(GitError) in
                try repository.setReference(branchRef, to: commit, expecting: head, message: "hearth check --fix: remove editor artefacts")
                try repository.updateIndex(paths.map { .remove(path: $0) })
            }
            return ArtefactRemoval(paths: paths, commit: commit.description)
        }
    }

    private func artefacts(in commit: ObjectID) throws(GitError) -> [String] {
        try repository.treeFiles(commit: commit).map(\.path).filter { EditorArtefact.isArtefact(path: $0) }
    }
}
