import Foundation
import GitKit
import NoteKit

extension NotebookHistory {
    /// What changed from `point` (nil: the last commit) to the files as they are now, uncommitted
    /// edits included, in path order. With `path`, only that entry, compared with its version at
    /// that point (see ``version(of:at:)``). A file moved since (committed or not) is one rename
    /// when its content is at least half the same, as the next sync will record it.
    public func changes(since point: HistoryPoint?, following path: String? = nil) throws(HistoryError) -> [EntryChange] {
        guard let head = try git({ () throws(GitError) in try repository.headCommitID() }) else { throw HistoryError.noHistory }
        if let path { return try changes(of: path, since: point ?? .revision(head.description)) }
        // A point before the first commit compares with the empty notebook: everything was added.
        var base: Commit?
        do throws(HistoryError) {
            base = try commit(at: point ?? .revision(head.description))
        } catch {
            guard case .beforeHistory = error else { throw error }
        }
        return try git { () throws(GitError) -> [EntryChange] in
            var paths = PathSet()
            for change in try repository.treeChanges(from: base?.treeID, to: try repository.treeID(ofCommit: head), detectRenames: false) {
                paths.insert(change.path)
            }
            for entry in try repository.status() where !entry.flags.contains(.ignored) && !entry.path.hasSuffix("/") {
                paths.insert(entry.path)
                if let old = entry.oldPath { paths.insert(old) }
            }
            var before: [String: Data] = [:]
            var after: [String: Data] = [:]
            for path in paths.sorted where !isHearthRecord(path) {
                let old = try base.flatMap { base throws(GitError) in try repository.fileContents(path: path, inCommit: base.id) }
                let new = workingFile(path)
                guard old != new else { continue }
                before[path] = old
                after[path] = new
            }
            return Self.pairRenames(paths.sorted.filter { before[$0] != nil || after[$0] != nil }, before: before, after: after)
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
