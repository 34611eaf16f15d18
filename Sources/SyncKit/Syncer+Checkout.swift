import Foundation
internal import GitKit
import NoteKit

extension Syncer {
    /// Brings the working tree from `oldTree` (what the files held at the snapshot) to `newTree`,
    /// file by file, and updates the index to match.
    ///
    /// A file is rewritten only if it still holds exactly the snapshot's bytes, and the write is a
    /// compare-and-swap on those bytes, so a save that lands during the sync is never overwritten:
    /// such files keep the user's bytes, are remembered in ``PendingEdits`` and go out with the
    /// next sync. libgit2's checkout is not used because it cannot promise that per file.
    /// - Returns: the files kept as the user saved them.
    /// - Parameter changes: the tree diff from `oldTree` to `newTree` when the caller has it already.
    /// - Parameter assumed: files that hold these bytes instead of `oldTree`'s and may be replaced
    ///   when they still do (what a clone wrote before the branch had a commit).
    func updateWorkingTree(from oldTree: ObjectID?, to newTree: ObjectID, changes known: [TreeChange]? = nil,
                           assuming assumed: [String: [UInt8]] = [:]) throws(SyncError) -> [String] {
        reach(.beforeCheckout)
        let changes: [TreeChange]
        if let known {
            changes = known
        } else {
            changes = try git { () throws(GitError) in
                try repository.treeChanges(from: oldTree, to: newTree, detectRenames: false)
            }
        }
        var pending = PendingEdits.load(repository)
        var indexUpdates: [IndexUpdate] = []
        var items: [CheckoutItem] = []
        var oldIDs = PathMap<ObjectID?>()
        for change in changes {
            guard let path = change.newPath ?? change.oldPath else { continue }
            if change.oldMode == FileMode.gitlink || change.newMode == FileMode.gitlink {
                // A submodule entry has no file of its own here: record it, touch nothing.
                if let newID = change.newID, let mode = change.newMode {
                    indexUpdates.append(.set(path: path, id: newID, mode: mode))
                } else {
                    indexUpdates.append(.remove(path: path))
                }
                continue
            }
            let (expected, new) = try git { () throws(GitError) in
                (try change.oldID.map { id throws(GitError) in [UInt8](try repository.blob(id)) },
                 try change.newID.map { id throws(GitError) in [UInt8](try repository.blob(id)) })
            }
            items.append(CheckoutItem(path: path, absolute: root.appending(path: path).path(percentEncoded: false),
                                      expected: assumed[path].map { .bytes($0) } ?? WorkingFile(expected, mode: change.oldMode),
                                      new: new.map { ($0, change.newMode ?? FileMode.blob) }, newID: change.newID))
            oldIDs[path] = .some(change.oldID)
        }
        var kept: [String] = []
        let writer = WorkingTreeWriter(root: root)
        var outcomes: [WorkingTreeWriter.Outcome]
        if options.checkpoint != nil, items.count > 1 {
            // Written in two halves with the checkpoint between them, so the crash tests can stop
            // a sync with the working tree half updated; one batch otherwise (each batch waits
            // for its slowest write and syncs its folders). Deletions go first, as within a
            // batch: a file replacing a folder needs the folder's files gone.
            items = items.filter { $0.new == nil } + items.filter { $0.new != nil }
            let half = items.count / 2
            outcomes = writer.apply(Array(items[..<half]))
            reach(.duringCheckout)
            outcomes += writer.apply(Array(items[half...]))
        } else {
            outcomes = writer.apply(items)
        }
        for (item, outcome) in zip(items, outcomes) {
            let path = item.path
            if outcome.applied {
                if let newID = item.newID, let new = item.new {
                    indexUpdates.append(outcome.stat.map { .setWithStat(path: path, id: newID, mode: new.mode, stat: $0) }
                                        ?? .set(path: path, id: newID, mode: new.mode))
                } else {
                    indexUpdates.append(.remove(path: path))
                }
                pending.bases[path] = nil
            } else {
                // Keep the user's bytes: the index takes the new version, so the file shows as
                // changed and the next snapshot merges it (see PendingEdits).
                // An editor artefact that differs (a live swap file) is the editor's: left alone,
                // never merged, and not "kept for the next sync", which never commits it.
                if !EditorArtefact.isArtefact(path: path) {
                    kept.append(path)
                    if pending.bases[path] == nil { pending.bases[path] = .some(oldIDs[path] ?? nil) }
                }
                if let newID = item.newID, let new = item.new {
                    indexUpdates.append(.set(path: path, id: newID, mode: new.mode))
                } else {
                    indexUpdates.append(.remove(path: path))
                }
            }
        }
        rememberRewrites(zip(items, outcomes).filter { $0.1.applied }.map(\.0), replacing: oldIDs)
        try writingLocally { () throws(SyncError) in
            try git { () throws(GitError) in try repository.updateIndex(indexUpdates) }
        }
        try pending.save(repository)
        reach(.afterCheckout)
        return kept.sorted()
    }
}
