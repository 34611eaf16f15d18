import Foundation
import GitKit
import NoteKit

/// `hearth grep --history`: searches every version of every entry that the notebook's history
/// holds, so text deleted since is found, with the commit, day and device that first had each
/// matching line and, when it is gone, the ones that removed it.
///
/// The walk goes from the oldest commit to the newest and compares each commit's entries with its
/// parents'. A line is added by a commit whose version has it while no parent's had it, and
/// removed by one whose version lacks it while every parent's had it, so a merge is not credited
/// with what one side brought. Each distinct version (blob) of an entry is searched once, however
/// many commits share it. The working tree counts as the newest version: a line written and
/// not yet committed is found too, and a line deleted since the last commit is shown as removed
/// here. Renames are followed (git's rename detection, at 50% similarity, against each parent, so
/// on either side of a merge): a moved entry's lines keep who first wrote them and are reported
/// once, under the entry's newest name; its lines removed before the move are reported there too.
/// A move in the files not yet committed is followed when the bytes are unchanged.
/// A line counts as removed with the whole entry only when the commit that removed it deleted
/// the entry (not when it was edited away and the entry moved or went later).
public struct HistorySearch: Sendable {
    /// What to look for; its `since`/`until` are ignored (see `since` and `until` here).
    public var query: GrepQuery
    /// Only lines present in the notebook at some time on or after this day (by commit date).
    public var since: LocalDate?
    /// Only lines present in the notebook at some time on or before this day (by commit date).
    public var until: LocalDate?
    /// The day uncommitted changes are dated for `since`/`until`.
    public var today: LocalDate
    /// Leaves the repository open when the search is done, for a program that exits right after
    /// (see `Repository.keepUntilExit`): freeing the objects a walk over ten years read one by
    /// one was 7% of a `hearth grep --history` in `perf`.
    package var keepsRepositoryUntilExit = false
    /// Where the rename index is kept (see ``RenameIndex``); with one, the walk takes the
    /// commits' order, parents and trees and each step's renames from it. Nil: none.
    public var renameIndex: RenameIndex?
    /// Told what the search did with the rename index (for a trace).
    public var renameIndexObserver: (@Sendable (RenameIndexOutcome) -> Void)?

    /// Creates a history search.
    public init(query: GrepQuery, since: LocalDate? = nil, until: LocalDate? = nil, today: LocalDate) {
        self.query = query
        self.since = since
        self.until = until
        self.today = today
    }

    /// Searches the history of the notebook at `root` and its working tree.
    ///
    /// - Throws: ``HistoryError/notANotebook(path:)`` when `root` is not a git repository,
    ///   ``HistoryError/git(_:)`` when libgit2 fails to read it.
    public func run(root: URL) throws(HistoryError) -> HistorySearchResult {
        // Opened as every history command opens it (a `.git` file, as in a linked worktree, works too).
        guard let repository = try? Repository.open(at: root) else {
            throw HistoryError.notANotebook(path: root.standardizedFileURL.path)
        }
        if keepsRepositoryUntilExit { repository.keepUntilExit() }
        var versionQuery = query
        versionQuery.since = nil
        versionQuery.until = nil
        var graph: RenameIndexGraph?
        if let renameIndex {
            let history = NotebookHistory(repository: repository, root: root)
            history.renameIndex = renameIndex
            history.renameIndexObserver = renameIndexObserver
            graph = history.renameGraph()
        }
        var walk = HistoryWalk(repository: repository, query: versionQuery, graph: graph)
        var headLines: [String: Set<String>]
        do {
            headLines = try walk.run()
        } catch {
            throw .git(GitFailure(error))
        }

        var result = HistorySearchResult()
        result.commits = walk.commits
        result.versions = walk.versions.count
        result.skippedVersions = walk.skippedVersions
        // Taken, not copied, so the walk's versions are freed before the files are read.
        var records = walk.takeRecords()

        let notebook = Notebook(root: root)
        // One walk of the folders tells which entries exist, instead of a look per path.
        let entries = notebook.entryPaths()
        let existing = Set(entries)
        result.current = notebook.grep(versionQuery, paths: entries)

        for (from, to) in Self.uncommittedRenames(headFiles: walk.headFiles, entries: entries, repository: repository, root: root) {
            guard HistoryLineRecord.move(&records, from: from, to: to) else { continue }
            headLines[to] = headLines.removeValue(forKey: from)
        }

        var current: [String: [String: GrepHit]] = [:]
        for hit in result.current.hits where current[hit.path]?[hit.text] == nil { current[hit.path, default: [:]][hit.text] = hit }
        // They are in `matches` now, with their history.
        result.current.hits = []
        for (path, hits) in current {
            for (text, hit) in hits where records[path]?[text] == nil {
                records[path, default: [:]][text] = HistoryLineRecord(added: nil, removed: nil, latest: hit)
            }
        }

        let device = try? repository.deviceName()
        let uncommitted = LineEvent(commit: nil, date: nil, time: nil, device: device)
        // Each entry's records are dropped once its matches are made.
        for path in Array(records.keys) {
            guard let lines = records.removeValue(forKey: path) else { continue }
            let exists = existing.contains(path)
            for (text, record) in lines {
                let now = current[path]?[text]
                let shown = now ?? record.latest
                var removed: LineEvent?
                var withEntry = false
                if now == nil {
                    if headLines[path]?.contains(text) != true, let committed = record.removed {
                        removed = committed
                        withEntry = record.removedWithEntry
                    } else {
                        // Still in the last commit but gone from the file: removed here, not yet committed.
                        removed = uncommitted
                        withEntry = !exists
                    }
                }
                var hit = shown
                hit.path = path
                hit.text = text
                let match = HistoryMatch(hit: hit, added: record.added ?? uncommitted, removed: removed, entryDeleted: withEntry)
                if overlapsDates(match) { result.matches.append(match) }
            }
        }
        result.matches.sort { ($0.hit.path, $0.hit.line, $0.hit.text) < ($1.hit.path, $1.hit.line, $1.hit.text) }
        return result
    }

    /// Entries moved in the files and not yet committed: an entry of HEAD gone from the files
    /// whose very bytes are at a path HEAD lacks has moved there. (A move with edits is seen once
    /// committed, by git's rename detection.)
    private static func uncommittedRenames(headFiles: [String: ObjectID], entries: [String], repository: Repository,
                                           root: URL) -> [(from: String, to: String)] {
        let existing = Set(entries)
        var gone: [ObjectID: String] = [:]
        for (path, id) in headFiles where !existing.contains(path) { gone[id] = path }
        guard !gone.isEmpty else { return [] }
        var renames: [(from: String, to: String)] = []
        for path in entries where headFiles[path] == nil {
            // A file that cannot be hashed is simply not taken for a move.
            guard let id = try? repository.hashFile(at: root.appendingPathComponent(path)),
                  let from = gone.removeValue(forKey: id) else { continue }
            renames.append((from, path))
        }
        return renames
    }

    /// Whether the line was in the notebook at some time between `since` and `until`.
    private func overlapsDates(_ match: HistoryMatch) -> Bool {
        let addedOn = match.added.date ?? today
        if let until, addedOn > until { return false }
        if let since, let removed = match.removed, (removed.date ?? today) < since { return false }
        return true
    }
}
