import Foundation
import GitKit
import MergeKit
import NoteKit

/// A notebook's history told entry by entry: what `hearth log`, `show --at`, `restore` and
/// `diff` read. It only reads the repository (a status check may refresh git's index cache, as
/// `git status` does).
public final class NotebookHistory {
    /// The notebook's work tree root.
    public let root: URL
    let repository: Repository
    /// Tree comparisons for the walks over many commits (the trees read are kept a while).
    lazy var comparer = TreeComparer(repository: repository)
    /// Where the rename index is kept; nil (the default) walks the history for every question.
    public var renameIndex: RenameIndex?
    /// Told what each command did with the rename index (for a trace).
    public var renameIndexObserver: ((RenameIndexOutcome) -> Void)?
    /// The rename index once brought up to HEAD in this process.
    var loadedRenameGraph: RenameIndexGraph?
    /// Whether the index was found unavailable in this process (asked once, reported once).
    var renameIndexUnavailable = false
    /// The versions described lately, by blob, with the path each was read at: a followed
    /// entry's version is the new side of one change and the old side of the next.
    private var comparedVersions: [ObjectID: (path: String, version: ComparedVersion)] = [:]
    /// Conflict records read, by blob, with their path: a record is added and later settled.
    private var records: [ObjectID: (path: String, conflict: MergeConflict?)] = [:]

    /// Opens the history of the notebook at `root`.
    ///
    /// - Throws: ``HistoryError/notANotebook(path:)`` when `root` is not in a git work tree.
    public init(root: URL) throws(HistoryError) {
        guard let repository = try? Repository.open(at: root), let workingDirectory = repository.workingDirectory else {
            throw HistoryError.notANotebook(path: root.standardizedFileURL.path)
        }
        self.repository = repository
        self.root = workingDirectory
    }

    /// The history of an open repository with a work tree at `root` (for ``HistorySearch``,
    /// which opened it already).
    init(repository: Repository, root: URL) {
        self.repository = repository
        self.root = root
    }

    /// Keeps the repository open until the process ends, for a program that exits once it has
    /// told the history (see `Repository.keepUntilExit`).
    package func keepUntilExit() {
        repository.keepUntilExit()
    }

    /// Every commit, newest first (a parent never before its children), told as changes to
    /// entries, at most `limit` of them, recorded between `since` and `until`.
    ///
    /// With `path`, only the commits that changed that entry, under every name it had: a rename
    /// swaps the new name for the old one in the commits before it (on each side of a merge), and
    /// a deleted entry is named as it was. Hearth's own records under `.hearth/` are not entries:
    /// the conflicts a commit recorded are listed with it instead.
    public func events(following path: String? = nil, since: Date? = nil, until: Date? = nil, limit: Int? = nil) throws(HistoryError) -> [HistoryEvent] {
        var events: [HistoryEvent] = []
        func inWindow(_ date: Date) -> Bool {
            !(since.map { date < $0 } == true || until.map { date > $0 } == true)
        }
        if let path {
            try walk(following: path) { commit, _, event in
                if let event, inWindow(commit.date) { events.append(event) }
                return limit.map { events.count < $0 } ?? true
            }
            return events
        }
        guard let head = try git({ () throws(GitError) in try repository.headCommitID() }) else { return [] }
        // Every commit in the window makes an event: only those shown are read whole.
        let windowed = since != nil || until != nil
        for (commit, known) in try shownCommits(from: head, windowed: windowed, inWindow: inWindow, limit: limit) {
            events.append(try git { () throws(GitError) in try event(commit, known: known) })
        }
        return events
    }

    /// The commits `log` without an entry shows, in the walk's order: the first `limit` of those
    /// whose time is in the window. libgit2 sorts every commit before it lists the first; the
    /// rename index, when there is one already, gives the same order from its parents and times,
    /// and the times to filter by, without reading a commit, and each one's changes against each
    /// parent without reading a tree.
    private func shownCommits(from head: ObjectID, windowed: Bool, inWindow: (Date) -> Bool,
                              limit: Int?) throws(HistoryError) -> [(Commit, [[TreeChange]]?)] {
        var shown: [(Commit, [[TreeChange]]?)] = []
        if let graph = renameGraph(building: false), graph.tip == head, let order = graph.walkOrder() {
            for position in order {
                if let limit, shown.count >= limit { break }
                guard inWindow(Date(timeIntervalSince1970: TimeInterval(graph.dates[position]))) else { continue }
                let commit = try git { () throws(GitError) in try repository.commit(graph.ids[position]) }
                shown.append((commit, graph.slots(of: position).map(graph.stepChanges.changes(slot:))))
            }
            return shown
        }
        // Without a window every commit is shown, so the first `limit` commits are all that is
        // read (the walk's order does not change).
        let commits = try git { () throws(GitError) in try repository.log(from: head, limit: windowed ? nil : limit) }
        for commit in commits where limit.map({ shown.count < $0 }) ?? true && inWindow(commit.committer.date) {
            shown.append((commit, nil))
        }
        return shown
    }

    /// One commit told whole: every entry it changed; for a merge, the entries it merged (changed
    /// relative to every parent, compared with the first) and the devices that met. `known`, when
    /// given, is each step's changes with renames, as the rename index keeps them.
    private func event(_ commit: Commit, known: [[TreeChange]]?) throws(GitError) -> HistoryEvent {
        var event = emptyEvent(commit)
        // A merge is told without renames: the known changes serve when they found none (the
        // lists are then the same), else the trees are compared.
        let known = known.flatMap { steps in
            steps.count == commit.parentIDs.count && (steps.count < 2 || steps.allSatisfy { !$0.contains { $0.status == .renamed } }) ? steps : nil
        }
        if commit.parentIDs.count > 1 {
            event.merge = HistoryMerge(devices: [event.device, CommitLabel.device(of: try repository.commit(commit.parentIDs[1]))])
            func changes(_ parent: Int) throws(GitError) -> [TreeChange] {
                if let known { return known[parent] }
                return try comparer.changes(from: try repository.treeID(ofCommit: commit.parentIDs[parent]), to: commit.treeID)
            }
            let fromFirst = try changes(0)
            var elsewhere = PathSet(fromFirst.map(\.path))
            for parent in commit.parentIDs.indices.dropFirst() {
                let fromParent = PathSet(try changes(parent).map(\.path))
                elsewhere = PathSet(elsewhere.sorted.filter(fromParent.contains))
            }
            for change in fromFirst where elsewhere.contains(change.path) {
                try add(change, as: .merge, to: &event)
            }
            return event
        }
        let changes: [TreeChange]
        if let first = known?.first { changes = first } else { changes = try self.changes(introducedBy: commit, detectRenames: true) }
        for change in changes {
            try add(change, as: status(of: change, in: commit), to: &event)
        }
        return event
    }

    /// What a commit changed against its first parent (everything, for the first commit).
    func changes(introducedBy commit: Commit, detectRenames: Bool) throws(GitError) -> [TreeChange] {
        let parentTree = try commit.parentIDs.first.map { parent throws(GitError) in try repository.treeID(ofCommit: parent) }
        return try comparer.changes(from: parentTree, to: commit.treeID, detectRenames: detectRenames)
    }

    /// Adds a tree change to an event: an entry's change in words, or a conflict record's
    /// conflict (settled records are left out: the entry's own change tells it).
    func add(_ change: TreeChange, as status: EntryChange.Status, to event: inout HistoryEvent) throws(GitError) {
        if isHearthRecord(change.path) {
            if change.status == .added, let conflict = try record(change.newID, at: change.path) { event.conflicts.append(conflict) }
            return
        }
        event.changes.append(try describe(change, as: status))
    }

    /// The event's frame: id, time, device and message, no changes yet.
    func emptyEvent(_ commit: Commit) -> HistoryEvent {
        HistoryEvent(commit: commit.id, date: commit.committer.date, timeZoneOffsetMinutes: commit.committer.timeZoneOffsetMinutes,
                     device: CommitLabel.device(of: commit), summary: commit.summary, merge: nil, conflicts: [], changes: [])
    }

    /// How a tree change reads: `restore` when the commit is hearth's restore of that entry.
    func status(of change: TreeChange, in commit: Commit) -> EntryChange.Status {
        if commit.summary.hasPrefix("\(CommitLabel.device(of: commit)): restore \(change.path) ") { return .restore }
        switch change.status {
        case .added: return .add
        case .deleted: return .delete
        case .renamed: return .rename
        case .modified, .typeChanged: return .edit
        }
    }

    /// A tree change in words, reading both versions.
    func describe(_ change: TreeChange, as status: EntryChange.Status) throws(GitError) -> EntryChange {
        let renamed = change.status == .renamed ? change.oldPath : nil
        let old = try change.oldID.map { id throws(GitError) in try comparedVersion(id, path: renamed ?? change.path) }
        let new = try change.newID.map { id throws(GitError) in try comparedVersion(id, path: change.path) }
        return EntryComparison.change(status, path: change.path, oldPath: renamed, old: old, new: new)
    }

    /// Blob `id` read as a version of the entry at `path`, once for its two comparisons.
    private func comparedVersion(_ id: ObjectID, path: String) throws(GitError) -> ComparedVersion {
        if let known = comparedVersions[id], known.path == path { return known.version }
        let version = ComparedVersion(try repository.blob(id), path: path)
        if comparedVersions.count >= 64 { comparedVersions.removeAll(keepingCapacity: true) }
        comparedVersions[id] = (path, version)
        return version
    }

    /// The conflict a record blob at `path` describes; nil for anything else.
    func record(_ id: ObjectID?, at path: String) throws(GitError) -> MergeConflict? {
        guard path.hasPrefix(ConflictRecord.folder + "/"), let id else { return nil }
        if let known = records[id], known.path == path { return known.conflict }
        var conflict: MergeConflict?
        if let text = String(data: try repository.blob(id), encoding: .utf8) {
            conflict = (try? ConflictRecord(parsing: text, path: path))?.conflict
        }
        records[id] = (path, conflict)
        return conflict
    }

    /// Hearth's machine state (conflict records), not an entry.
    func isHearthRecord(_ path: String) -> Bool {
        path.hasPrefix(".hearth/")
    }

    /// Runs a GitKit call, wrapping its error.
    func git<T>(_ body: () throws(GitError) -> T) throws(HistoryError) -> T {
        do {
            return try body()
        } catch {
            throw HistoryError.git(GitFailure(error))
        }
    }
}
