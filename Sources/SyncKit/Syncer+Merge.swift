import Foundation
internal import GitKit
import HistoryKit
import MergeKit
import NoteKit

extension Syncer {
    /// What merging the local and incoming commits did.
    /// libgit2 pushes references, not commits, so a merge pushed while its files are written goes
    /// out through this temporary reference.
    static let outgoingReference = "refs/hearth/outgoing"

    struct MergeStep {
        var commit: ObjectID
        var result: TreeMergeResult
        var keptLocal: [String]
        /// The push of the merge, started once the merge commit existed; wait for it.
        var push: BackgroundGitOperation
    }

    /// Merges `incoming` into `local` in memory, commits the merge, starts pushing it to
    /// `remoteRef`, brings the working tree to it and only then moves the branch
    /// (compare-and-swap against `local`).
    func mergeAndCheckout(branchRef: String, local: ObjectID, incoming: ObjectID, remote: String, remoteRef: String) throws(SyncError) -> MergeStep {
        let (localCommit, incomingCommit) = try git { () throws(GitError) in
            (try repository.commit(local), try repository.commit(incoming))
        }
        try refuseUnsafePaths(try git { () throws(GitError) in
            try repository.treeChanges(from: localCommit.treeID, to: incomingCommit.treeID, detectRenames: false)
        }, commit: incoming)
        // Two histories that never met are two notebooks (or a notebook and something else):
        // merging them would pour one into the other unasked, so nothing is merged.
        guard let base = try git({ () throws(GitError) in try repository.mergeBase(local, incoming) }) else {
            let isNotebook = try git { () throws(GitError) in
                try repository.treeEntry(path: NotebookSetup.settingsFile, inTree: incomingCommit.treeID) != nil
            }
            throw SyncError.unrelatedHistory(remote: remote, isNotebook: isNotebook)
        }
        let incomingTip = tip(incomingCommit)
        var (first, second) = TreeMerger.canonicalOrder(tip(localCommit), incomingTip)
        if first.side.device == second.side.device {
            // The same label on both sides would make markers ambiguous; the commit tells them
            // apart. Applied after ordering, so both devices pick the same side to rename.
            second.side.device += "-" + second.commit.description.prefix(7)
        }
        let result = try git { () throws(GitError) in
            try TreeMerger(repository: repository).merge(base: base, first: first, second: second)
        }
        let message = mergeMessage(other: incomingTip.side.device, result: result)
        let signature = signature()
        let commit = try git { () throws(GitError) in
            try repository.createCommit(tree: result.tree, parents: [local, incoming], message: message,
                                        author: signature, committer: signature, updatingReference: nil)
        }
        reach(.afterMerge)
        // The merge is complete in the object database: it can go out while the files are
        // written. A push that wins and a checkout that then fails leave the remote ahead of
        // this notebook, which the next sync fast-forwards.
        let outgoing = try git { () throws(GitError) in try repository.referenceTarget(Syncer.outgoingReference) }
        try git { () throws(GitError) in
            try repository.setReference(Syncer.outgoingReference, to: commit, expecting: outgoing, message: "hearth sync: outgoing merge")
        }
        reach(.beforePush)
        let marker = pushMarker(remote: remote, remoteRef: remoteRef, commit: commit)
        marker.begin(repository)
        let push = BackgroundGitOperation(root: root, network: network(reaching: .duringPush, renewing: marker),
                                          markerPath: marker.path(repository)) { [passphrase = options.passphrase, checkpoint = options.transferCheckpoint] repository, network throws(TransportFailure) in
            try Syncer.push(remote, in: repository, localRef: Syncer.outgoingReference, remoteRef: remoteRef, options: network,
                            passphrase: passphrase, checkpoint: checkpoint)
        }
        do throws(SyncError) {
            let kept = try updateWorkingTree(from: localCommit.treeID, to: result.tree)
            try writingLocally { () throws(SyncError) in
                try git { () throws(GitError) in
                    try repository.setReference(branchRef, to: commit, expecting: local,
                                                message: "hearth sync: merge \(incomingTip.side.device)")
                }
            }
            reach(.afterReferenceUpdate)
            return MergeStep(commit: commit, result: result, keptLocal: kept, push: push)
        } catch {
            // Never leave a push running behind a failure.
            push.wait()
            try? repository.deleteReference(Syncer.outgoingReference)
            throw error
        }
    }

    /// Moves the branch forward to `target` after bringing the working tree there.
    func moveBranch(_ branchRef: String, from current: ObjectID?, to target: ObjectID,
                    assuming assumed: [String: [UInt8]] = [:]) throws(SyncError) -> [String] {
        let (oldTree, newTree) = try git { () throws(GitError) in
            (try current.map { id throws(GitError) in try repository.commit(id).treeID }, try repository.commit(target).treeID)
        }
        let changes = try git { () throws(GitError) in
            try repository.treeChanges(from: oldTree, to: newTree, detectRenames: false)
        }
        try refuseUnsafePaths(changes, commit: target)
        let kept = try updateWorkingTree(from: oldTree, to: newTree, changes: changes, assuming: assumed)
        try writingLocally { () throws(SyncError) in
            try git { () throws(GitError) in
                try repository.setReference(branchRef, to: target, expecting: current, message: "hearth sync: fast-forward")
            }
        }
        reach(.afterReferenceUpdate)
        return kept
    }

    /// The commit's tip for merging: its device label and commit time.
    private func tip(_ commit: Commit) -> MergeTip {
        MergeTip(commit: commit.id, tree: commit.treeID,
                 side: MergeSide(device: CommitLabel.device(of: commit), time: commit.committer.date))
    }

    /// `desk: merge laptop (3 entries merged, 1 conflict)` plus one line per merged file and conflict.
    private func mergeMessage(other: String, result: TreeMergeResult) -> String {
        let merged = result.mergedPaths.count
        let conflicts = result.conflicts.count
        var message = "\(device): merge \(other) (\(merged) \(merged == 1 ? "entry" : "entries") merged, \(conflicts) \(conflicts == 1 ? "conflict" : "conflicts"))\n"
        var lines = result.mergedPaths.map { "merge \($0)" }
        for record in result.conflicts {
            let conflict = record.conflict
            let what = conflict.field.map { " \($0)" } ?? ""
            lines.append("conflict \(conflict.kind.rawValue) \(conflict.path)\(what): \(conflict.first.device) vs \(conflict.second.device), kept \(conflict.kept) [\(record.id)]")
        }
        if !lines.isEmpty { message += "\n" + lines.joined(separator: "\n") + "\n" }
        return message
    }
}
