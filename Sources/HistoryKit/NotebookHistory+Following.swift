import Foundation
import GitKit
import MergeKit
import NoteKit

extension NotebookHistory {
    /// Walks the commits reachable from HEAD, children before parents, with the names the entry
    /// called `path` has in each (its name at HEAD, or its last name if deleted; a rename swaps in
    /// the old name for the commits before it), and the event when the commit changed the entry,
    /// or recorded or settled one of its conflicts. `visit` returns false to stop.
    ///
    /// With `target`, only the commits that may lead to it: none that its parents reach. The
    /// names an entry has in a commit come down from its children alone, so the target's
    /// descendants, all walked in the same order, give it the names the whole walk would; what
    /// is left out is older history, which can never come before the target. Without
    /// `describing`, an event says only that the commit touched the entry: its changes are not
    /// read and compared (most of a walk's time), nor a merge's devices. A commit `wanted`
    /// refuses gets no event at all (always nil), only its names: far fewer reads.
    ///
    /// Each commit is read as a ``CommitNode`` (from the rename index when there is one); the
    /// whole commit only for an event. With the index, a commit whose steps changed none of the
    /// names and no conflict record is passed without reading its trees.
    func walk(following path: String, downTo target: Commit? = nil, describing: Bool = true,
              wanted: (CommitNode) -> Bool = { _ in true },
              _ visit: (CommitNode, PathSet, HistoryEvent?) throws(HistoryError) -> Bool) throws(HistoryError) {
        guard let head = try git({ () throws(GitError) in try repository.headCommitID() }) else { return }
        var pending: [ObjectID: PathSet] = [head: PathSet([path])]
        let walked = try walkedNodes(from: head, hiding: target?.parentIDs ?? [])
        let commits = walked.nodes
        var indexed = walked.indexed
        // Each parent's tree without reading the parent again, and one lookup for every tree the
        // walk reads: consecutive commits share nearly all their subtrees.
        var trees: [ObjectID: ObjectID] = [:]
        trees.reserveCapacity(commits.count)
        for commit in commits { trees[commit.id] = commit.treeID }
        let lookup = TreePathLookup(repository: repository)
        for (offset, commit) in commits.enumerated() {
            // Topological order: every child has handed its names down before its parent comes.
            guard let names = pending.removeValue(forKey: commit.id) else { continue }
            // Most commits changed other entries: the index says so without reading their trees.
            if indexed?.leavesAlone(names, at: offset) == true {
                for parent in commit.parentIDs { pending[parent, default: PathSet()].formUnion(names) }
                guard try visit(commit, names, nil) else { return }
                continue
            }
            let (event, parentNames) = try git { () throws(GitError) in
                !wanted(commit) ? (nil, try namesInParents(commit, names: names, trees: trees, lookup: lookup))
                    : try step(commit, names: names, trees: trees, lookup: lookup, describing: describing,
                               known: indexed?.changes(at: offset))
            }
            for (parent, names) in zip(commit.parentIDs, parentNames) { pending[parent, default: PathSet()].formUnion(names) }
            guard try visit(commit, names, event) else { return }
        }
    }

    /// One commit of a followed entry: its event (nil when the entry is untouched) and the names
    /// to follow in each parent. `known`, when given (the rename index's changes, one list per
    /// parent), spares reading the trees.
    func step(_ node: CommitNode, names: PathSet, trees: [ObjectID: ObjectID],
              lookup: TreePathLookup, describing: Bool, known: [[TreeChange]]? = nil) throws(GitError) -> (HistoryEvent?, [PathSet]) {
        // The message and names only for a commit that makes an event.
        var read: Commit?
        func commit() throws(GitError) -> Commit {
            if let read { return read }
            let commit = try repository.commit(node.id)
            read = commit
            return commit
        }
        var changes: [EntryChange] = []
        var conflicts: [MergeConflict] = []
        var relevant = false
        let (changesByParent, parentNames, newVersion, newRecords): ([[TreeChange]], [PathSet], Bool, Bool)
        if let known, known.count == node.parentIDs.count, !known.isEmpty {
            (changesByParent, parentNames, newVersion, newRecords) = try Self.knownStep(node, names: names, known: known, lookup: lookup)
        } else {
            (changesByParent, parentNames, newVersion, newRecords) = try readStep(node, names: names, trees: trees, lookup: lookup)
        }
        let isMerge = node.parentIDs.count > 1
        // For a merge, only what it produced itself: a version of the entry no parent had, told
        // against the first parent; and conflicts no parent had recorded.
        for change in changesByParent.first ?? [] {
            if isHearthRecord(change.path) {
                guard !isMerge || newRecords else { continue }
                if change.status == .added, let conflict = try record(change.newID, at: change.path), names.contains(conflict.path) {
                    conflicts.append(conflict)
                } else if change.status == .deleted, let conflict = try record(change.oldID, at: change.path), names.contains(conflict.path) {
                    relevant = true   // a settled conflict belongs to the entry's story
                }
            } else if names.contains(change.path) || change.oldPath.map(names.contains) == true {
                guard !isMerge || newVersion else { continue }
                relevant = true
                if describing { changes.append(try describe(change, as: isMerge ? .merge : status(of: change, in: try commit()))) }
            }
        }
        guard relevant || !conflicts.isEmpty else { return (nil, parentNames) }
        var event = emptyEvent(try commit())
        if isMerge && describing {
            event.merge = HistoryMerge(devices: [event.device, CommitLabel.device(of: try repository.commit(node.parentIDs[1]))])
        }
        event.conflicts = conflicts
        event.changes = changes
        return (event, parentNames)
    }

    /// What ``step(_:names:trees:lookup:describing:known:)`` needs of each parent, told by the
    /// trees: the changes (none for a parent with the same names and conflict records), the names
    /// there, and whether the commit has a version of the names and records no parent had.
    private func readStep(_ node: CommitNode, names: PathSet, trees: [ObjectID: ObjectID],
                          lookup: TreePathLookup) throws(GitError) -> ([[TreeChange]], [PathSet], Bool, Bool) {
        let here = try ids(of: names, inTree: node.treeID, lookup: lookup)
        let records = try lookup.entryID(path: ConflictRecord.folder, inTree: node.treeID)
        var parentNames: [PathSet] = []
        // A cheap look first: a commit that changed none of the names (the usual case) needs no diff.
        var newVersion = !here.isEmpty || node.parentIDs.isEmpty
        var newRecords = records != nil || node.parentIDs.isEmpty
        var changesByParent: [[TreeChange]] = []
        for parent in node.parentIDs {
            let parentTree: ObjectID
            if let known = trees[parent] { parentTree = known } else { parentTree = try repository.treeID(ofCommit: parent) }
            let same = try ids(of: names, inTree: parentTree, lookup: lookup) == here
            let sameRecords = try lookup.entryID(path: ConflictRecord.folder, inTree: parentTree) == records
            newVersion = newVersion && !same
            newRecords = newRecords && !sameRecords
            guard !same || !sameRecords else {
                changesByParent.append([])
                parentNames.append(names)
                continue
            }
            // The usual change, one entry edited in place and no record added or settled, is
            // what the tree diff would say; the diff (of the whole tree, renames sought among
            // every file added and deleted) is only needed for anything else.
            let changes: [TreeChange]
            if sameRecords, let edit = try Self.editInPlace(names, parentTree: parentTree, tree: node.treeID, lookup: lookup) {
                changes = edit
            } else {
                changes = try comparer.changes(from: parentTree, to: node.treeID, detectRenames: true)
            }
            changesByParent.append(changes)
            parentNames.append(Self.renamedBack(names, by: changes))
        }
        if node.parentIDs.isEmpty {
            changesByParent = [try comparer.changes(from: nil, to: node.treeID, detectRenames: true)]
        }
        return (changesByParent, parentNames, newVersion, newRecords)
    }

    /// ``readStep(_:names:trees:lookup:)`` from each step's changes as the rename index keeps
    /// them: a parent has the same names when no change gives one of them another blob or takes
    /// it away or brings it, the same records when no change is under their folder. Only a merge
    /// whose every parent differs asks a tree whether the commit has the names or records at all.
    private static func knownStep(_ node: CommitNode, names: PathSet, known: [[TreeChange]],
                                  lookup: TreePathLookup) throws(GitError) -> ([[TreeChange]], [PathSet], Bool, Bool) {
        var changesByParent: [[TreeChange]] = []
        var parentNames: [PathSet] = []
        var newVersion = true
        var newRecords = true
        for changes in known {
            let same = !changes.contains { change in
                switch change.status {
                case .modified, .typeChanged: return change.oldID != change.newID && names.contains(change.path)
                case .added, .deleted, .renamed:
                    return change.oldPath.map(names.contains) == true || change.newPath.map(names.contains) == true
                }
            }
            let sameRecords = !changes.contains { change in
                [change.oldPath, change.newPath].contains { path in
                    path.map { $0 == ConflictRecord.folder || $0.hasPrefix(ConflictRecord.folder + "/") } == true
                }
            }
            newVersion = newVersion && !same
            newRecords = newRecords && !sameRecords
            guard !same || !sameRecords else {
                changesByParent.append([])
                parentNames.append(names)
                continue
            }
            changesByParent.append(changes)
            parentNames.append(renamedBack(names, by: changes))
        }
        if node.parentIDs.count > 1 && newVersion {
            var present = false
            for name in names.sorted where try lookup.entryID(path: name, inTree: node.treeID) != nil { present = true }
            newVersion = present
        }
        if node.parentIDs.count > 1 && newRecords {
            newRecords = try lookup.entryID(path: ConflictRecord.folder, inTree: node.treeID) != nil
        }
        return (changesByParent, parentNames, newVersion, newRecords)
    }

    /// The names to follow in each parent of a commit, without its event: a rename can only end
    /// at a name that is here and absent from the parent (libgit2 pairs deleted files with added
    /// ones, and a file of the same kind on both sides is neither), so the tree diff, which finds
    /// the renames, is needed only for a parent that lacks one of the names as it is here; every
    /// other parent has the same names. The same names as ``step(_:names:trees:lookup:describing:known:)``
    /// hands down, for a fraction of its reads.
    private func namesInParents(_ commit: CommitNode, names: PathSet, trees: [ObjectID: ObjectID],
                                lookup: TreePathLookup) throws(GitError) -> [PathSet] {
        var parentNames: [PathSet] = []
        for parent in commit.parentIDs {
            let parentTree: ObjectID
            if let known = trees[parent] { parentTree = known } else { parentTree = try repository.treeID(ofCommit: parent) }
            var arrives = false
            for name in names.sorted {
                guard let here = try lookup.entry(path: name, inTree: commit.treeID) else { continue }
                let there = try lookup.entry(path: name, inTree: parentTree)
                if !Self.sameKind(there?.mode, here.mode) { arrives = true; break }
            }
            parentNames.append(arrives ? Self.renamedBack(names, by: try comparer.changes(from: parentTree, to: commit.treeID, detectRenames: true)) : names)
        }
        return parentNames
    }

    /// Whether an entry of mode `old` (nil: none) and one of mode `new` at the same path are a
    /// change of one file (no deletion and addition, which rename detection could pair): the same
    /// mode, or a regular file on both sides (the executable bit is a modification).
    private static func sameKind(_ old: UInt32?, _ new: UInt32) -> Bool {
        guard let old else { return false }
        let files = [FileMode.blob, FileMode.executable]
        return old == new || (files.contains(old) && files.contains(new))
    }

    /// The blob ids the names have in a commit's tree (absent names left out).
    private func ids(of names: PathSet, inTree tree: ObjectID, lookup: TreePathLookup) throws(GitError) -> [String: ObjectID] {
        var ids: [String: ObjectID] = [:]
        for name in names.sorted {
            if let id = try lookup.entryID(path: name, inTree: tree) { ids[name] = id }
        }
        return ids
    }

    /// The change when exactly one of the names is a regular file in both trees with other
    /// content and the same mode while every other name is the same in both: the one change a
    /// tree diff lists for the names then (a file present on both sides is never a rename's end).
    /// Nil for anything else.
    private static func editInPlace(_ names: PathSet, parentTree: ObjectID, tree: ObjectID,
                                    lookup: TreePathLookup) throws(GitError) -> [TreeChange]? {
        var edit: TreeChange?
        for name in names.sorted {
            let old = try lookup.entry(path: name, inTree: parentTree)
            let new = try lookup.entry(path: name, inTree: tree)
            guard old?.id != new?.id || old?.mode != new?.mode else { continue }
            guard edit == nil, let old, let new, old.mode == new.mode,
                  old.mode == FileMode.blob || old.mode == FileMode.executable else { return nil }
            edit = TreeChange(status: .modified, oldPath: name, newPath: name, oldID: old.id, newID: new.id,
                              oldMode: old.mode, newMode: new.mode)
        }
        return edit.map { [$0] }
    }

    /// The names to look for before a commit: each name a rename in it arrived at is swapped for
    /// the name it came from.
    static func renamedBack(_ names: PathSet, by changes: [TreeChange]) -> PathSet {
        renamedBack(names, by: renames(in: changes))
    }

    /// ``renamedBack(_:by:)`` with the renames alone, in the order the changes list them.
    static func renamedBack(_ names: PathSet, by renames: [RenameIndexGraph.Rename]) -> PathSet {
        var names = names
        for rename in renames where names.contains(rename.new) {
            names.remove(rename.new)
            names.insert(rename.old)
        }
        return names
    }

    /// The renames among a tree diff's changes, in its order.
    static func renames(in changes: [TreeChange]) -> [RenameIndexGraph.Rename] {
        changes.compactMap { change in
            guard change.status == .renamed, let old = change.oldPath, let new = change.newPath else { return nil }
            return RenameIndexGraph.Rename(old: old, new: new)
        }
    }
}
