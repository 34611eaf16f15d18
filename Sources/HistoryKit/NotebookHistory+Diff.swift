import Foundation
import GitKit
import MergeKit
import NoteKit

extension NotebookHistory {
    /// What changed from `point` (nil: the last commit) to the files as they are now, uncommitted
    /// edits included, in path order. The notebook at a day or time is each file as the newest
    /// change to it recorded by then left it, on whichever device (as ``version(of:at:)`` reads
    /// one entry). A file moved since (committed or not) is one rename when its content is at
    /// least half the same, as the next sync will record it. With `path`, only that entry: for a
    /// point, compared with its version then under the name it had.
    public func changes(since point: HistoryPoint?, following path: String? = nil) throws(HistoryError) -> [EntryChange] {
        guard let head = try git({ () throws(GitError) in try repository.headCommitID() }) else { throw HistoryError.noHistory }
        if let path, let point { return try changes(of: path, since: point) }
        let base = try files(at: point ?? .revision(head.description))
        let all = try git { () throws(GitError) -> [EntryChange] in
            var headFiles: [TreePath: ObjectID] = [:]
            for file in try repository.treeFiles(commit: head) { headFiles[TreePath(file.path)] = file.id }
            var touched = PathSet()
            for entry in try repository.status(refreshingIndex: false) where !entry.flags.contains(.ignored) && !entry.path.hasSuffix("/") {
                touched.insert(entry.path)
                if let old = entry.oldPath { touched.insert(old) }
            }
            let paths = PathSet(base.keys.map(\.string) + headFiles.keys.map(\.string) + touched.sorted)
            var before: [String: Data] = [:]
            var after: [String: Data] = [:]
            // Editor artefacts are never synced (see EditorArtefact): no change to tell.
            for path in paths.sorted where !isHearthRecord(path) && !EditorArtefact.isArtefact(path: path) {
                let baseID = base[TreePath(path)]
                // Unchanged since then, committed and untouched since: no need to read it.
                if baseID == headFiles[TreePath(path)], !touched.contains(path) { continue }
                let old = try baseID.map { id throws(GitError) in try repository.blob(id) }
                let new = workingFile(path)
                guard old != new else { continue }
                before[path] = old
                after[path] = new
            }
            return Self.pairRenames(paths.sorted.filter { before[$0] != nil || after[$0] != nil }, before: before, after: after)
        }
        guard let path else { return all }
        return all.filter { $0.path == path || $0.oldPath == path }
    }

    /// Every file of the notebook at `point` with its blob: a commit's tree, or for a time, each
    /// path as the newest commit recorded by then that touched it left it (none before the
    /// first commit).
    private func files(at point: HistoryPoint) throws(HistoryError) -> [TreePath: ObjectID] {
        guard case .time(let moment, _) = point else {
            let commit = try commit(at: point)
            return try git { () throws(GitError) -> [TreePath: ObjectID] in
                var files: [TreePath: ObjectID] = [:]
                for file in try repository.treeFiles(commit: commit.id) { files[TreePath(file.path)] = file.id }
                return files
            }
        }
        return try git { () throws(GitError) -> [TreePath: ObjectID] in
            guard let head = try repository.headCommitID() else { return [:] }
            var seen: [TreePath: ObjectID?] = [:]
            // Newest first by time: the first commit at or before the moment to touch a path
            // holds its version then.
            for commit in try repository.log(from: head, topological: false) where commit.committer.date <= moment {
                for change in try changes(introducedBy: commit, detectRenames: false) where seen[TreePath(change.path)] == nil {
                    seen[TreePath(change.path)] = .some(change.newID)
                }
            }
            return seen.compactMapValues { $0 }
        }
    }

    /// One entry from its version at `point` to its file now.
    private func changes(of path: String, since point: HistoryPoint) throws(HistoryError) -> [EntryChange] {
        var old: EntryVersion?
        do throws(HistoryError) {
            old = try version(of: path, at: point)
        } catch {
            switch error {
            case .absent, .beforeHistory: old = nil
            default: throw error
            }
        }
        let new = workingFile(path)
        guard old?.bytes != new else { return [] }
        let renamed = old.map { $0.path != path } == true
        let status: EntryChange.Status = old == nil ? .add : new == nil ? .delete : renamed ? .rename : .edit
        return [EntryComparison.change(status, path: path, oldPath: renamed ? old?.path : nil, old: old?.bytes, new: new)]
    }

    /// The file's bytes in the working tree; nil when absent or unreadable.
    private func workingFile(_ path: String) -> Data? {
        (try? FileSystem.read(root.appending(path: path).path(percentEncoded: false))).map { Data($0) }
    }

    /// Changes in words, a removed file and an added one told as one rename when their lines are
    /// at least half the same (git's default threshold for renames).
    static func pairRenames(_ paths: [String], before: [String: Data], after: [String: Data]) -> [EntryChange] {
        let removed = paths.filter { before[$0] != nil && after[$0] == nil }
        var renamedFrom: [String: String] = [:]
        var taken = Set<String>()
        for new in paths where before[new] == nil {
            guard let added = after[new] else { continue }
            let best = removed.filter { !taken.contains($0) }
                .map { ($0, EntryComparison.similarity(before[$0] ?? Data(), added)) }
                .max { $0.1 < $1.1 }
            if let (old, score) = best, score >= 0.5 {
                renamedFrom[new] = old
                taken.insert(old)
            }
        }
        var changes: [EntryChange] = []
        for path in paths where !taken.contains(path) {
            if let old = renamedFrom[path] {
                changes.append(EntryComparison.change(.rename, path: path, oldPath: old, old: before[old], new: after[path]))
            } else {
                let status: EntryChange.Status = before[path] == nil ? .add : after[path] == nil ? .delete : .edit
                changes.append(EntryComparison.change(status, path: path, old: before[path], new: after[path]))
            }
        }
        return changes
    }
}
