import Foundation
internal import GitKit
import HistoryKit
import MergeKit
import NoteKit

extension Syncer {
    /// Refuses repositories a sync must not touch and returns the current branch's name.
    func checkedBranch() throws(SyncError) -> String {
        let state = repository.state()
        guard state == .clean else {
            throw SyncError.operationInProgress(state: "\(state)")
        }
        if try git({ () throws(GitError) in try repository.hasConflicts() }) {
            throw SyncError.unresolvedIndex
        }
        guard let branch = try git({ () throws(GitError) in try repository.currentBranchName() }) else {
            throw SyncError.detachedHead
        }
        return branch
    }

    /// Commits every change in the work tree with a message naming the entries and fields;
    /// returns the message's subject, or nil when nothing changed.
    ///
    /// The commit is built from the files git status reports, straight into a tree on top of
    /// HEAD's (`git_index_add_all` would resolve every file's real path and attributes, ~40
    /// system calls a file, a second at 10,000 entries). The branch moves before the index is
    /// brought up to date, so a crash in between leaves a commit and a stale index, which the
    /// next status corrects; never an index that is ahead of history.
    /// With `only`, commits that one path's change and leaves every other change for later.
    func takeSnapshot(branchRef: String, only: String? = nil) throws(SyncError) -> String? {
        let heldBack = try mergePendingEdits()
        return try git { () throws(GitError) -> String? in
            // A rename staged with `git mv` is one entry: both of its names count.
            // Byte-exact: `café` in NFC and in NFD are two files, one Swift `Set<String>` entry.
            // With `only`, the status of that path alone (the filter below keeps it exact): a
            // restore's second snapshot need not `stat` every file again.
            var paths = PathSet(try writingLocally { () throws(GitError) in try repository.status(paths: only.map { [$0] }, memo: repository.headIndexMemo) }
                .filter { !$0.flags.contains(.ignored) && !$0.path.hasSuffix("/") }   // "inner/": a nested repository
                .flatMap { [$0.path] + ($0.oldPath.map { [$0] } ?? []) })
                .subtracting(heldBack)
                .sorted
                // Editor artefacts never travel, tracked or not, whatever .gitignore says.
                .filter { !EditorArtefact.isArtefact(path: $0) }
                .filter { path in only.map { TreePath($0) == TreePath(path) } ?? true }
            guard !paths.isEmpty else { return nil }
            let staleSaves = keepLinesFromStaleSaves(among: paths)
            if !staleSaves.added.isEmpty || !staleSaves.heldBack.isEmpty {
                paths = PathSet(paths + staleSaves.added).subtracting(PathSet(staleSaves.heldBack)).sorted
            }
            reach(.afterStaleSaves)
            let head = try repository.referenceTarget(branchRef)
            let headTree = try head.map { id throws(GitError) in try repository.commit(id).treeID }
            var updates: [TreeUpdate] = []
            var index: [IndexUpdate] = []
            var savedAgain = PathSet()
            for path in paths {
                // Stat first, read second: if the file changes in between, its stat no longer
                // matches the index and git reads it again, so the change is never hidden.
                let stat = FileStat.of(root.appending(path: path).path(percentEncoded: false))
                // Under a folder the user replaced with a link the file is no longer in the
                // notebook: never read through the link (libgit2 would), commit it as removed.
                let outside = ContainedPath.linkedFolder(on: path, under: root.path(percentEncoded: false)) != nil
                if !outside, let (id, mode) = try repository.writeBlob(fromWorkingTreePath: path) {
                    if let expected = staleSaves.judged[path], expected != id,
                       WorkingFile.read(root.appending(path: path).path(percentEncoded: false)) != .bytes([UInt8](try repository.blob(expected))) {
                        // Saved again after its judgement, from a buffer that may predate it: left
                        // out (tree and index), so the next snapshot judges it against the record.
                        // (The ids differ alone when a filter, autocrlf say, changed the bytes.)
                        savedAgain.insert(path)
                        continue
                    }
                    updates.append(.upsert(path: path, id: id, mode: mode))
                    // Without stat data (the file vanished and came back between the two looks,
                    // as an editor's swap file does) the entry is set from what was stored, never
                    // read from the file again: it may be gone by now. git re-reads it later.
                    index.append(stat.map { .setWithStat(path: path, id: id, mode: mode, stat: $0) } ?? .set(path: path, id: id, mode: mode))
                } else {
                    if let headTree, try repository.treeEntry(path: path, inTree: headTree) != nil {
                        updates.append(.remove(path: path))
                    }
                    index.append(.remove(path: path))
                }
            }
            let tree = try repository.updatedTree(headTree, applying: updates)
            guard tree != headTree else {
                // Only the index differed (say, a `git add` later undone): bring it back in line.
                try writingLocally { () throws(GitError) in try repository.updateIndex(index) }
                return nil
            }
            // The same list as libgit2's diff, without a diff of every unchanged folder.
            let changes = try TreeComparer(repository: repository).changes(from: headTree, to: tree, detectRenames: true)
            var descriptions: [ChangeDescription] = []
            for change in changes { descriptions.append(try ChangeDescription.describe(change, in: repository)) }
            let message = Syncer.noting(staleSavesIn: staleSaves.merged.filter { !savedAgain.contains($0) }, in: snapshotMessage?(descriptions) ?? ChangeDescription.message(device: device, descriptions))
            let signature = signature()
            let commit = try repository.createCommit(tree: tree, parents: head.map { [$0] } ?? [], message: message,
                                                     author: signature, committer: signature, updatingReference: nil)
            try writingLocally { () throws(GitError) in
                try repository.setReference(branchRef, to: commit, expecting: head, message: "hearth sync: snapshot")
                try repository.updateIndex(index)
            }
            return message.split(separator: "\n", maxSplits: 1).first.map(String.init)
        }
    }

    /// The author and committer for this sync's commits.
    func signature() -> Signature {
        repository.hearthSignature(device: device)
    }

    /// Files the previous sync had to leave as the user saved them (see ``PendingEdits``) are
    /// merged with what that sync brought, so committing them cannot revert the other device's
    /// changes to the same entry.
    ///
    /// - Returns: paths to leave out of this snapshot because they could not be merged yet (read
    ///   only, not a regular file, saved again meanwhile); they stay pending, never committed
    ///   over the other device's version.
    func mergePendingEdits() throws(SyncError) -> PathSet {
        var pending = PendingEdits.load(repository)
        guard !pending.bases.isEmpty else { return PathSet() }
        guard let head = try git({ () throws(GitError) in try repository.headCommitID() }) else {
            try PendingEdits().save(repository)
            return PathSet()
        }
        let synced = try git { () throws(GitError) in try syncedSide(of: head) }
        let local = MergeSide(device: device, time: Date())
        let records = ConflictStore(root: root)
        let rewrites = RewriteRecords.load(repository)
        var heldBack = PathSet()
        for (path, base) in pending.bases.entries {
            // Never merge into an editor artefact (a live swap file); the checkout no longer lists
            // them, but a list an older hearth wrote may.
            if EditorArtefact.isArtefact(path: path) {
                pending.bases[path] = nil
                continue
            }
            let absolute = root.appending(path: path).path(percentEncoded: false)
            if ContainedPath.linkedFolder(on: path, under: root.path(percentEncoded: false)) != nil {
                // A folder on the way became a link since: the user took the folder out of the
                // notebook. Never read or write through the link; this snapshot commits the change.
                pending.bases[path] = nil
                continue
            }
            let working: [UInt8]
            switch WorkingFile.read(absolute) {
            case .absent where base == nil:
                // The file did not exist here before the sync and the sync could not create it
                // (a file was in the way of its folder, say): write it now, never read the
                // absence as a deletion.
                let committed = try git { () throws(GitError) in try repository.fileContents(path: path, inCommit: head) }
                guard let committed else {
                    pending.bases[path] = nil
                    continue
                }
                do {
                    try FileSystem.createParents(of: absolute)
                    try FileSystem.replace(absolute, with: [UInt8](committed), expecting: nil)
                    pending.bases[path] = nil
                } catch {
                    heldBack.insert(path)
                }
                continue
            case .absent:
                // Deleted by the user after the sync: that is their decision; the incoming
                // version stays in history.
                pending.bases[path] = nil
                continue
            case .bytes(let bytes):
                working = bytes
            case .link, .other:
                heldBack.insert(path)
                continue
            }
            let committed = try git { () throws(GitError) in try repository.fileContents(path: path, inCommit: head) }
            let baseData = try git { () throws(GitError) in try base.map { id throws(GitError) in try repository.blob(id) } }
            if committed == Data(working) || committed == baseData {
                pending.bases[path] = nil
                continue
            }
            // A save kept back from a file hearth had rewritten may come from a buffer loaded
            // before that rewrite: merged from the rewrite's base, the lines it brought (which
            // the buffer never held) are not read as the user's deletions.
            let mergeBase = staleSaveBase(path: path, keptOver: base, saved: Data(working), records: rewrites) ?? baseData
            let result = EntryMerger.merge(path: path, base: mergeBase, first: committed, second: Data(working),
                                           firstSide: synced, secondSide: local)
            do {
                _ = try writeExtraFiles(result.extraFiles)
                if let merged = result.merged {
                    try FileSystem.replace(absolute, with: [UInt8](merged), expecting: working)
                    rememberRewrite(of: path, replacing: working, with: merged)
                }
            } catch {
                // Read-only, saved again meanwhile, or a copy in the way: leave it for the next
                // sync rather than commit the user's bytes over the other device's.
                heldBack.insert(path)
                continue
            }
            pending.bases[path] = nil
            _ = try recordConflicts(result.conflicts, in: records)
        }
        try pending.save(repository)
        return heldBack
    }

    /// The label for what the last sync brought into `head`: the device of the commit it merged
    /// (the second parent of this device's merge), else of `head` itself.
    private func syncedSide(of head: ObjectID) throws(GitError) -> MergeSide {
        let commit = try repository.commit(head)
        var label = CommitLabel.device(of: commit)
        if label == device, commit.parentIDs.count == 2 {
            label = CommitLabel.device(of: try repository.commit(commit.parentIDs[1]))
        }
        if label == device { label += "-synced" }
        return MergeSide(device: label, time: commit.committer.date)
    }
}
