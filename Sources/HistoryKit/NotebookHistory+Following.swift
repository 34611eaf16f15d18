import Foundation
import GitKit
import MergeKit
import NoteKit

extension NotebookHistory {
    /// Walks the commits reachable from HEAD, children before parents, with the names the entry
    /// called `path` has in each (its name at HEAD, or its last name if deleted; a rename swaps in
    /// the old name for the commits before it), and the event when the commit changed the entry,
    /// or recorded or settled one of its conflicts. `visit` returns false to stop.
    func walk(following path: String, _ visit: (Commit, PathSet, HistoryEvent?) throws(HistoryError) -> Bool) throws(HistoryError) {
        guard let head = try git({ () throws(GitError) in try repository.headCommitID() }) else { return }
        var pending: [ObjectID: PathSet] = [head: PathSet([path])]
        for commit in try git({ () throws(GitError) in try repository.log(from: head) }) {
            // Topological order: every child has handed its names down before its parent comes.
            guard let names = pending.removeValue(forKey: commit.id) else { continue }
            let (event, parentNames) = try git { () throws(GitError) in try step(commit, names: names) }
            for (parent, names) in zip(commit.parentIDs, parentNames) { pending[parent, default: PathSet()].formUnion(names) }
            guard try visit(commit, names, event) else { return }
        }
    }

    /// One commit of a followed entry: its event (nil when the entry is untouched) and the names
    /// to follow in each parent.
    private func step(_ commit: Commit, names: PathSet) throws(GitError) -> (HistoryEvent?, [PathSet]) {
        let here = try ids(of: names, in: commit.id)
        let records = try repository.entryID(path: ConflictRecord.folder, inCommit: commit.id)
        var event = emptyEvent(commit)
        var parentNames: [PathSet] = []
        var relevant = false
        // A cheap look first: a commit that changed none of the names (the usual case) needs no diff.
        var newVersion = !here.isEmpty || commit.parentIDs.isEmpty
        var newRecords = records != nil || commit.parentIDs.isEmpty
        var changesByParent: [[TreeChange]] = []
        for parent in commit.parentIDs {
            let same = try ids(of: names, in: parent) == here
            let sameRecords = try repository.entryID(path: ConflictRecord.folder, inCommit: parent) == records
            newVersion = newVersion && !same
            newRecords = newRecords && !sameRecords
            guard !same || !sameRecords else {
                changesByParent.append([])
                parentNames.append(names)
                continue
            }
            let changes = try repository.treeChanges(from: try repository.treeID(ofCommit: parent), to: commit.treeID, detectRenames: true)
            changesByParent.append(changes)
            parentNames.append(Self.renamedBack(names, by: changes))
        }
        if commit.parentIDs.isEmpty {
            changesByParent = [try repository.treeChanges(from: nil, to: commit.treeID, detectRenames: true)]
        }
        let isMerge = commit.parentIDs.count > 1
        if isMerge {
            event.merge = HistoryMerge(devices: [event.device, CommitLabel.device(of: try repository.commit(commit.parentIDs[1]))])
        }
        // For a merge, only what it produced itself: a version of the entry no parent had, told
        // against the first parent; and conflicts no parent had recorded.
        for change in changesByParent.first ?? [] {
            if isHearthRecord(change.path) {
                guard !isMerge || newRecords else { continue }
                if change.status == .added, let conflict = try record(change.newID, at: change.path), names.contains(conflict.path) {
                    event.conflicts.append(conflict)
                } else if change.status == .deleted, let conflict = try record(change.oldID, at: change.path), names.contains(conflict.path) {
                    relevant = true   // a settled conflict belongs to the entry's story
                }
            } else if names.contains(change.path) || change.oldPath.map(names.contains) == true {
                guard !isMerge || newVersion else { continue }
                event.changes.append(try describe(change, as: isMerge ? .merge : status(of: change, in: commit)))
            }
        }
        relevant = relevant || !event.changes.isEmpty || !event.conflicts.isEmpty
        return (relevant ? event : nil, parentNames)
    }

    /// The blob ids the names have in a commit (absent names left out).
    private func ids(of names: PathSet, in commit: ObjectID) throws(GitError) -> [String: ObjectID] {
        var ids: [String: ObjectID] = [:]
        for name in names.sorted {
            if let id = try repository.entryID(path: name, inCommit: commit) { ids[name] = id }
        }
        return ids
    }

    /// The names to look for before a commit: each name a rename in it arrived at is swapped for
    /// the name it came from.
    static func renamedBack(_ names: PathSet, by changes: [TreeChange]) -> PathSet {
        var names = names
        for change in changes where change.status == .renamed {
            guard let new = change.newPath, let old = change.oldPath, names.contains(new) else { continue }
            names.remove(new)
            names.insert(old)
        }
        return names
    }
}
