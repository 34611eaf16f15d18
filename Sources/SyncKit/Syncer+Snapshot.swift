import Foundation
import GitKit
import NoteKit

extension Syncer {
    /// Refuses repositories a sync must not touch and returns the current branch's name.
    func checkedBranch() throws(SyncError) -> String {
        let state = repository.state()
        guard state == .clean else {
            throw SyncError.repositoryBusy(reason: "git has a \(state) in progress in this notebook; finish or abort it with git first (e.g. git merge --continue or git merge --abort), then run hearth sync again")
        }
        if try git({ () throws(GitError) in try repository.hasConflicts() }) {
            throw SyncError.repositoryBusy(reason: "the git index has unresolved conflicts; resolve them with git (git status lists them) before hearth sync")
        }
        guard let branch = try git({ () throws(GitError) in try repository.currentBranchName() }) else {
            throw SyncError.repositoryBusy(reason: "HEAD is detached (not on a branch); run git switch main, then hearth sync")
        }
        return branch
    }

    /// Commits every change in the work tree with a message naming the entries and fields;
    /// returns the message's subject, or nil when nothing changed.
    func takeSnapshot() throws(SyncError) -> String? {
        try mergePendingEdits()
        return try git { () throws(GitError) -> String? in
            try stageChanges()
            let tree = try repository.writeIndexTree()
            let head = try repository.headCommitID()
            let headTree = try head.map { id throws(GitError) in try repository.commit(id).treeID }
            if headTree == tree { return nil }
            let changes = try repository.treeChanges(from: headTree, to: tree, detectRenames: true)
            var descriptions: [ChangeDescription] = []
            for change in changes { descriptions.append(try ChangeDescription.describe(change, in: repository)) }
            let message = ChangeDescription.message(device: device, descriptions)
            let signature = signature()
            try repository.createCommit(tree: tree, parents: head.map { [$0] } ?? [], message: message,
                                        author: signature, committer: signature)
            return message.split(separator: "\n", maxSplits: 1).first.map(String.init)
        }
    }

    /// Stages what `git status` reports (new, modified and deleted files, respecting
    /// `.gitignore`), like `git add -A`.
    ///
    /// Staging only the changed paths matters for speed: libgit2's `git_index_add_all` resolves
    /// every file's real path and attributes, about 40 system calls per file, so at 10,000
    /// entries it costs a second where a status pass costs tens of milliseconds.
    private func stageChanges() throws(GitError) {
        let paths = try repository.status()
            .filter { !$0.flags.contains(.ignored) && !$0.path.hasSuffix("/") }   // "inner/": a nested repository
            .map(\.path)
        if !paths.isEmpty { try repository.stage(paths: paths) }
    }

    /// The author and committer for hearth's commits: the user's git identity when configured,
    /// else the device name.
    func signature() -> Signature {
        repository.defaultSignature(fallbackName: device, fallbackEmail: "\(device)@hearth.invalid")
    }

    /// Files the previous sync had to leave as the user saved them (see ``PendingEdits``) are
    /// merged with what that sync brought, so committing them cannot revert the other device's
    /// changes to the same entry.
    private func mergePendingEdits() throws(SyncError) {
        var pending = PendingEdits.load(repository)
        guard !pending.bases.isEmpty else { return }
        guard let head = try git({ () throws(GitError) in try repository.headCommitID() }) else {
            try PendingEdits().save(repository)
            return
        }
        let headCommit = try git { () throws(GitError) in try repository.commit(head) }
        let synced = MergeSide(device: CommitLabel.device(of: headCommit), time: headCommit.committer.date)
        let local = MergeSide(device: device, time: Date())
        let records = ConflictStore(root: root)
        for (path, base) in pending.bases.sorted(by: { $0.key < $1.key }) {
            pending.bases[path] = nil
            let absolute = root.appending(path: path).path(percentEncoded: false)
            guard let working = try? FileSystem.read(absolute) else { continue }
            let committed = try git { () throws(GitError) in try repository.fileContents(path: path, inCommit: head) }
            let baseData = try git { () throws(GitError) in try base.map { id throws(GitError) in try repository.blob(id) } }
            if committed == Data(working) || committed == baseData { continue }
            let result = EntryMerger.merge(path: path, base: baseData, first: committed, second: Data(working),
                                           firstSide: synced, secondSide: local)
            do {
                if let merged = result.merged {
                    try FileSystem.replace(absolute, with: [UInt8](merged), expecting: working)
                }
                for extra in result.extraFiles {
                    let target = root.appending(path: extra.path).path(percentEncoded: false)
                    try FileSystem.createParents(of: target)
                    try FileSystem.replace(target, with: [UInt8](extra.data), expecting: nil)
                }
            } catch {
                // Saved again meanwhile, or a copy already there: the bytes on disk win and go
                // out as they are; nothing is overwritten.
                continue
            }
            for conflict in result.conflicts { try records.write(ConflictRecord(conflict)) }
        }
        try pending.save(repository)
    }
}
