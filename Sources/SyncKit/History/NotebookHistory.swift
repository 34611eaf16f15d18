import Foundation
import GitKit
import NoteKit

/// A notebook's history told entry by entry: what `hearth log`, `show --at`, `restore` and
/// `diff` read. It only reads the repository (a status check may refresh git's index cache, as
/// `git status` does).
public final class NotebookHistory {
    /// The notebook's work tree root.
    public let root: URL
    let repository: Repository

    /// Opens the history of the notebook at `root`.
    ///
    /// - Throws: ``HistoryError/notANotebook(path:)`` when `root` is not in a git work tree.
    public init(root: URL) throws(HistoryError) {
        guard let repository = try? Repository.open(at: root), let workingDirectory = repository.workingDirectory else {
            throw HistoryError.notANotebook(path: root.path(percentEncoded: false))
        }
        self.repository = repository
        self.root = workingDirectory
    }

    // MARK: - Log

    /// Every commit, newest first (a parent never before its children), told as changes to
    /// entries; with `path`, only the commits that touched that entry under any of the names it
    /// had (renames are followed back); at most `limit` of them. Hearth's own records under `.hearth/` are not entries:
    /// merges report their conflicts instead.
    public func events(following path: String? = nil, since: Date? = nil, until: Date? = nil, limit: Int? = nil) throws(HistoryError) -> [HistoryEvent] {
        guard let head = try git({ () throws(GitError) in try repository.headCommitID() }) else { return [] }
        let commits = try git { () throws(GitError) in try repository.log(from: head) }
        var names: Set<String>? = path.map { [$0] }
        var events: [HistoryEvent] = []
        for commit in commits where limit.map({ events.count < $0 }) ?? true {
            // A commit outside the window is still read when following an entry: a rename in it
            // gives the names to look for in older commits.
            let outside = since.map { commit.committer.date < $0 } == true || until.map { commit.committer.date > $0 } == true
            if outside && names == nil { continue }
            let event = try git { () throws(GitError) in try self.event(commit, names: &names) }
            if let event, !outside { events.append(event) }
        }
        return events
    }

    /// The event for one commit; nil when it does not touch the followed names.
    private func event(_ commit: Commit, names: inout Set<String>?) throws(GitError) -> HistoryEvent? {
        let device = CommitLabel.device(of: commit)
        var event = HistoryEvent(commit: commit.id, date: commit.committer.date,
                                 timeZoneOffsetMinutes: commit.committer.timeZoneOffsetMinutes,
                                 device: device, summary: commit.summary, merge: nil, changes: [])
        if commit.parentIDs.count > 1 {
            let other = try repository.commit(commit.parentIDs[1])
            let (merged, conflicts) = try mergeResult(of: commit)
            if let followed = names {
                let touched = merged.contains { followed.contains($0.newPath ?? "") } || conflicts.contains { followed.contains($0.path) }
                guard touched else { return nil }
            }
            event.merge = HistoryMerge(devices: [device, CommitLabel.device(of: other)], conflicts: conflicts)
            for change in merged where names?.contains(change.path) ?? true {
                event.changes.append(try describe(change, as: .merge))
            }
            return event
        }
        let parentTree = try commit.parentIDs.first.map { parent throws(GitError) in try repository.treeID(ofCommit: parent) }
        let restoring = commit.summary.hasPrefix("\(device): restore ")
        var settlesConflict = false
        for change in try repository.treeChanges(from: parentTree, to: commit.treeID, detectRenames: true) {
            guard !isHearthRecord(change.path) else {
                // A settled conflict (its record removed) belongs to the entry's story.
                if let followed = names, change.status == .deleted, let conflict = try record(change.oldID, at: change.path) {
                    settlesConflict = settlesConflict || followed.contains(conflict.path)
                }
                continue
            }
            if var followed = names {
                guard followed.contains(change.path) else { continue }
                if let old = change.oldPath, change.status == .renamed {
                    followed.insert(old)
                    names = followed
                }
            }
            let status: EntryChange.Status = restoring && commit.summary.contains(" \(change.path) ") ? .restore : Self.status(change.status)
            event.changes.append(try describe(change, as: status))
        }
        if names != nil && event.changes.isEmpty && !settlesConflict { return nil }
        return event
    }

    /// The conflict a record blob at `path` describes; nil for anything else.
    private func record(_ id: ObjectID?, at path: String) throws(GitError) -> MergeConflict? {
        guard path.hasPrefix(ConflictRecord.folder + "/"), let id,
              let text = String(data: try repository.blob(id), encoding: .utf8) else { return nil }
        return (try? ConflictRecord(parsing: text, path: path))?.conflict
    }

    /// What a merge commit produced itself: the files that differ from both parents (neither
    /// side had that version alone), and the conflict records it added.
    private func mergeResult(of commit: Commit) throws(GitError) -> (merged: [TreeChange], conflicts: [MergeConflict]) {
        let first = try repository.treeID(ofCommit: commit.parentIDs[0])
        let second = try repository.treeID(ofCommit: commit.parentIDs[1])
        let fromFirst = try repository.treeChanges(from: first, to: commit.treeID, detectRenames: false)
        let fromSecond = PathSet(try repository.treeChanges(from: second, to: commit.treeID, detectRenames: false).map(\.path))
        var merged: [TreeChange] = []
        var conflicts: [MergeConflict] = []
        for change in fromFirst where fromSecond.contains(change.path) {
            if !isHearthRecord(change.path) {
                merged.append(change)
            } else if change.status == .added, let conflict = try record(change.newID, at: change.path) {
                conflicts.append(conflict)
            }
        }
        return (merged, conflicts)
    }

    /// A tree change in words, reading both versions.
    private func describe(_ change: TreeChange, as status: EntryChange.Status) throws(GitError) -> EntryChange {
        let old = try change.oldID.map { id throws(GitError) in try repository.blob(id) }
        let new = try change.newID.map { id throws(GitError) in try repository.blob(id) }
        let renamed = change.status == .renamed ? change.oldPath : nil
        return EntryComparison.change(status, path: change.path, oldPath: renamed, old: old, new: new)
    }

    private static func status(_ status: TreeChange.Status) -> EntryChange.Status {
        switch status {
        case .added: return .add
        case .deleted: return .delete
        case .renamed: return .rename
        case .modified, .typeChanged: return .edit
        }
    }

    /// Hearth's machine state (conflict records), not an entry.
    private func isHearthRecord(_ path: String) -> Bool {
        path.hasPrefix(".hearth/")
    }

    // MARK: - Versions

    /// The commit that `point` names: a revision, or the newest commit on this device's line of
    /// history (first parents from HEAD) recorded at or before the time.
    public func commit(at point: HistoryPoint) throws(HistoryError) -> Commit {
        guard let head = try git({ () throws(GitError) in try repository.headCommitID() }) else { throw HistoryError.noHistory }
        switch point {
        case .revision(let revision):
            guard let id = try? repository.resolve(revision: revision) else { throw HistoryError.unknownRevision(revision) }
            return try git { () throws(GitError) in try repository.commit(id) }
        case .time(let moment, let label):
            var commit = try git { () throws(GitError) in try repository.commit(head) }
            while commit.committer.date > moment {
                guard let parent = commit.parentIDs.first else {
                    throw HistoryError.beforeHistory(point: label, first: Self.dayText(commit.committer.date))
                }
                commit = try git { () throws(GitError) in try repository.commit(parent) }
            }
            return commit
        }
    }

    /// The entry now at (or last at) `path` as it was at `point`: the commit, the name it had
    /// then (renames since are followed back) and its exact bytes.
    ///
    /// - Throws: ``HistoryError/absent(path:point:)`` when it did not exist then.
    public func version(of path: String, at point: HistoryPoint) throws(HistoryError) -> (commit: Commit, path: String, bytes: Data) {
        let target = try commit(at: point)
        let name = try name(of: path, at: target.id)
        guard let bytes = try git({ () throws(GitError) in try repository.fileContents(path: name, inCommit: target.id) }) else {
            throw HistoryError.absent(path: path, point: point.description)
        }
        return (target, name, bytes)
    }

    /// The newest commit on this device's line of history that still had a file at `path`;
    /// nil when the file exists at HEAD or no commit had it.
    public func lastVersion(of path: String) throws(HistoryError) -> ObjectID? {
        try git { () throws(GitError) -> ObjectID? in
            let head = try repository.headCommitID()
            var current = head
            while let id = current {
                if try repository.fileContents(path: path, inCommit: id) != nil { return id == head ? nil : id }
                current = try repository.commit(id).parentIDs.first
            }
            return nil
        }
    }

    /// The name the entry called `path` today had in `commit`, following renames back along
    /// first parents from HEAD; `path` itself when the commit is not on that line.
    private func name(of path: String, at commit: ObjectID) throws(HistoryError) -> String {
        try git { () throws(GitError) -> String in
            var name = path
            var current = try repository.headCommitID()
            while let id = current, id != commit {
                let here = try repository.commit(id)
                guard let parent = here.parentIDs.first else { break }
                let parentTree = try repository.treeID(ofCommit: parent)
                for change in try repository.treeChanges(from: parentTree, to: here.treeID, detectRenames: true)
                where change.status == .renamed && change.newPath == name {
                    name = change.oldPath ?? name
                }
                current = parent
            }
            return name
        }
    }

    /// The path of an entry that no longer exists (or never did here), looked up in every
    /// commit: a path, a date (`2026-11-20`, `yesterday`) or the start of a file name.
    public func pastEntry(named reference: String, today: LocalDate, userPath: String?) throws(HistoryError) -> String {
        let paths = try pathsInHistory()
        if let userPath {
            guard paths.contains(userPath) else { throw HistoryError.notFound(reference: reference) }
            return userPath
        }
        if let day = Notebook.day(namedBy: reference, today: today) {
            let path = NotebookLayout.path(for: .day, date: day, slug: nil)
            if paths.contains(path) { return path }
            let named = paths.sorted.filter { NotebookLayout.stem(of: $0) == day.description }
            return try only(named, reference: reference)
        }
        let needle = reference.lowercased()
        let entries = paths.sorted.filter { $0.hasSuffix(".md") && !isHearthRecord($0) }
        let exact = entries.filter { NotebookLayout.stem(of: $0).lowercased() == needle }
        return try only(exact.isEmpty ? entries.filter { NotebookLayout.stem(of: $0).lowercased().hasPrefix(needle) } : exact,
                        reference: reference)
    }

    private func only(_ candidates: [String], reference: String) throws(HistoryError) -> String {
        switch candidates.count {
        case 0: throw HistoryError.notFound(reference: reference)
        case 1: return candidates[0]
        default: throw HistoryError.ambiguous(reference: reference, candidates: candidates)
        }
    }

    /// Every path any commit ever held.
    private func pathsInHistory() throws(HistoryError) -> PathSet {
        try git { () throws(GitError) -> PathSet in
            guard let head = try repository.headCommitID() else { return PathSet([]) }
            var paths: [String] = []
            for commit in try repository.log(from: head, topological: false) {
                let parentTree = try commit.parentIDs.first.map { parent throws(GitError) in try repository.treeID(ofCommit: parent) }
                for change in try repository.treeChanges(from: parentTree, to: commit.treeID, detectRenames: false) {
                    paths.append(change.path)
                }
            }
            return PathSet(paths)
        }
    }

    // MARK: - Diff

    /// What changed from `point` (nil: the last commit) to the files as they are now, uncommitted
    /// edits included; with `path`, only that entry (followed back through renames).
    public func changes(since point: HistoryPoint?, following path: String? = nil) throws(HistoryError) -> [EntryChange] {
        guard let head = try git({ () throws(GitError) in try repository.headCommitID() }) else {
            throw HistoryError.noHistory
        }
        // A point before the first commit compares with the empty notebook: everything was added.
        var base: Commit?
        do throws(HistoryError) {
            if let point {
                base = try commit(at: point)
            } else {
                base = try git { () throws(GitError) in try repository.commit(head) }
            }
        } catch {
            guard case .beforeHistory = error else { throw error }
            base = nil
        }
        return try git { () throws(GitError) -> [EntryChange] in
            let headTree = try repository.treeID(ofCommit: head)
            var renamedFrom: [String: String] = [:]
            var paths: [String] = []
            for change in try repository.treeChanges(from: base?.treeID, to: headTree, detectRenames: true) {
                paths.append(change.path)
                if change.status == .renamed, let old = change.oldPath, let new = change.newPath {
                    renamedFrom[new] = old
                    paths.append(old)
                }
            }
            for entry in try repository.status() where !entry.flags.contains(.ignored) && !entry.path.hasSuffix("/") {
                paths.append(entry.path)
            }
            let renamedAway = Set(renamedFrom.values)
            var changes: [EntryChange] = []
            for current in PathSet(paths).sorted where !isHearthRecord(current) {
                if let path, current != path { continue }
                let oldName = renamedFrom[current] ?? current
                let old = try base.flatMap { base throws(GitError) in try repository.fileContents(path: oldName, inCommit: base.id) }
                let file = root.appending(path: current).path(percentEncoded: false)
                let new: Data? = (try? FileSystem.read(file)).map { Data($0) }
                // A name a rename left is told with its new name; unless a new file took it.
                if renamedAway.contains(current) && new == nil { continue }
                guard old != new else { continue }
                let status: EntryChange.Status = old == nil ? .add : new == nil ? .delete : oldName != current ? .rename : .edit
                changes.append(EntryComparison.change(status, path: current, oldPath: oldName != current ? oldName : nil, old: old, new: new))
            }
            return changes
        }
    }

    // MARK: - Helpers

    private func git<T>(_ body: () throws(GitError) -> T) throws(HistoryError) -> T {
        do {
            return try body()
        } catch {
            throw HistoryError.git(error.description)
        }
    }

    /// `2026-11-20` in the local time zone.
    static func dayText(_ date: Date) -> String {
        LocalDate.today(now: date).description
    }
}
