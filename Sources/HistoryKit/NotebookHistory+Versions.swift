import Foundation
import GitKit
import NoteKit

extension NotebookHistory {
    /// The commit `point` names: a revision, or the newest commit reachable from HEAD recorded
    /// at or before the time (by any device).
    ///
    /// - Throws: ``HistoryError/beforeHistory(point:first:)`` when every commit is later.
    public func commit(at point: HistoryPoint) throws(HistoryError) -> Commit {
        guard let head = try git({ () throws(GitError) in try repository.headCommitID() }) else { throw HistoryError.noHistory }
        switch point {
        case .revision(let revision):
            guard let id = try? repository.resolve(revision: revision) else { throw HistoryError.unknownRevision(revision) }
            return try git { () throws(GitError) in try repository.commit(id) }
        case .time(let moment, let label):
            let commits = try git { () throws(GitError) in try repository.log(from: head, topological: false) }
            if let found = commits.first(where: { Self.madeBy($0, atOrBefore: moment) }) { return found }
            throw HistoryError.beforeHistory(point: label, first: Self.dayText(commits.last?.committer.date ?? moment))
        }
    }

    /// The entry now at (or last at) `path` as it was at `point`: for a commit, the version in
    /// it (under the name the entry had there); for a time, the version the newest change to the
    /// entry recorded at or before it made, on whichever device (each change's time read on its
    /// device's clock: see ``madeBy(_:atOrBefore:timeZone:)``).
    ///
    /// - Throws: ``HistoryError/absent(path:point:)`` when it did not exist then.
    public func version(of path: String, at point: HistoryPoint) throws(HistoryError) -> EntryVersion {
        var found: (commit: Commit, names: PathSet)?
        switch point {
        case .revision:
            let target = try commit(at: point)
            if let indexed = indexedNames(of: path, at: target.id) {
                found = indexed.map { (target, $0) }
            } else {
                try walk(following: path, downTo: target, wanted: { _ in false }) { commit, names, _ in
                    if commit.id == target.id { found = (target, names) }
                    return found == nil
                }
            }
            // A commit no line from HEAD reaches (another branch): the entry's name today.
            if found == nil { found = (target, PathSet([path])) }
        case .time(let moment, _):
            // Only a change made by then, and later than the newest found so far, can be the
            // version: every other commit needs no event, only the names it hands down.
            let zone = TimeZone.current
            var newest: (node: CommitNode, names: PathSet)?
            if let indexed = try indexedNewestChange(to: path, atOrBefore: moment) {
                newest = indexed
            } else {
                let wanted = { (commit: CommitNode) in
                    Self.madeBy(commit, atOrBefore: moment, timeZone: zone) && newest.map({ commit.date > $0.node.date }) ?? true
                }
                try walk(following: path, describing: false, wanted: wanted) { commit, names, event in
                    if event != nil, Self.madeBy(commit, atOrBefore: moment, timeZone: zone), newest.map({ commit.date > $0.node.date }) ?? true {
                        newest = (commit, names)
                    }
                    return true
                }
            }
            if let newest { found = (try git { () throws(GitError) in try repository.commit(newest.node.id) }, newest.names) }
            // A moment before the first commit is an error, not "absent". Only asked when nothing
            // was found: a version found was made at or before the moment, so some commit was.
            if found == nil { _ = try commit(at: point) }
        }
        guard let found else { throw HistoryError.absent(path: path, point: point.description) }
        for name in found.names.sorted {
            if let bytes = try git({ () throws(GitError) in try repository.fileContents(path: name, inCommit: found.commit.id) }) {
                return EntryVersion(commit: found.commit, path: name, bytes: bytes)
            }
        }
        throw HistoryError.absent(path: path, point: point.description)
    }

    /// The newest commit that has the entry at `path` (under any of its names): HEAD for an
    /// entry deleted only in the files so far; nil when no commit ever had it.
    public func lastVersion(of path: String) throws(HistoryError) -> ObjectID? {
        if let indexed = try indexedLastVersion(of: path) { return indexed }
        var found: ObjectID?
        try walk(following: path, wanted: { _ in false }) { commit, names, _ throws(HistoryError) in
            for name in names.sorted where try git({ () throws(GitError) in try repository.entryID(path: name, inCommit: commit.id) }) != nil {
                found = commit.id
            }
            return found == nil
        }
        return found
    }

    /// The path of an entry that no longer exists (or never did here), looked up in history: a
    /// path, a date (`2026-11-20`, `yesterday`) or the start of a file name.
    public func pastEntry(named reference: String, today: LocalDate, userPath: String?) throws(HistoryError) -> String {
        if let path = userPath ?? Notebook.day(namedBy: reference, today: today).map({ NotebookLayout.path(for: .day, date: $0, slug: nil) })
            ?? Notebook.weekEntryPath(namedBy: reference, today: today) {
            guard try lastVersion(of: path) != nil else { throw HistoryError.notFound(reference: reference) }
            return path
        }
        let entries = try pathsInHistory().sorted.filter(NotebookLayout.isEntryPath)
        let candidates = Notebook.entries(named: reference, among: entries)
        switch candidates.count {
        case 0: throw HistoryError.notFound(reference: reference)
        case 1: return candidates[0]
        default: throw HistoryError.ambiguous(reference: reference, candidates: candidates)
        }
    }

    /// Every path any commit ever held (one tree diff per commit; only a name to complete needs it).
    private func pathsInHistory() throws(HistoryError) -> PathSet {
        try git { () throws(GitError) -> PathSet in
            guard let head = try repository.headCommitID() else { return PathSet() }
            var paths = PathSet()
            for commit in try repository.log(from: head, topological: false) {
                for change in try changes(introducedBy: commit, detectRenames: false) {
                    paths.insert(change.path)
                }
            }
            return paths
        }
    }

    /// Whether `commit` was made at or before `moment` as the clock of the device that made it
    /// showed (its recorded UTC offset), with `moment` read on this device's clock.
    ///
    /// `--at 2026-11-20` means the same version on every device: an entry written at 22:00 on the
    /// 20th in Los Angeles existed on the 20th, as the restore label (the commit's own time) and
    /// the writer say, even for a reader in Berlin, where it was already the 21st.
    static func madeBy(_ commit: Commit, atOrBefore moment: Date, timeZone: TimeZone = .current) -> Bool {
        madeBy(at: commit.committer.date, offsetMinutes: commit.committer.timeZoneOffsetMinutes, atOrBefore: moment, timeZone: timeZone)
    }

    /// ``madeBy(_:atOrBefore:timeZone:)`` for a commit read as a node.
    static func madeBy(_ node: CommitNode, atOrBefore moment: Date, timeZone: TimeZone) -> Bool {
        madeBy(at: node.date, offsetMinutes: node.timeZoneOffsetMinutes, atOrBefore: moment, timeZone: timeZone)
    }

    static func madeBy(at date: Date, offsetMinutes: Int, atOrBefore moment: Date, timeZone: TimeZone) -> Bool {
        let written = date.addingTimeInterval(Double(offsetMinutes * 60))
        return written <= moment.addingTimeInterval(Double(timeZone.secondsFromGMT(for: moment)))
    }

    /// `2026-11-20` in the local time zone.
    static func dayText(_ date: Date) -> String {
        LocalDate.today(now: date).description
    }
}
