import Foundation
internal import GitKit

/// The last sync rewrite of each working file, kept in `.git/hearth/rewrites` (never synced) so
/// a later snapshot can tell a save from an editor buffer loaded before the rewrite (see
/// ``StaleSave``) and merge the lines it dropped back in.
///
/// The bytes themselves are blobs in the object database: what a checkout replaces and writes is
/// in history, and what is not (a save hearth merged) is stored as a blob before its record is
/// written (git prunes such loose blobs after two weeks, longer than ``lifetime``). One record
/// per path, replaced by the path's next rewrite (or extended by it, when the file still held
/// what the last one wrote: see ``RewriteRecord/replaced``); a record goes when the snapshot
/// commits the path as saved (the first save after a rewrite decides), when a sync deletes the
/// path, when a restore replaces it, after ``lifetime``, and the oldest go beyond ``limit``, so
/// the file stays a few kilobytes however large a sync.
struct RewriteRecords {
    /// How long a record protects against a stale buffer: a week, so a buffer left open over a
    /// weekend is still covered, while a save that long after its rewrite is rarely stale.
    static let lifetime: TimeInterval = 7 * 24 * 3600
    /// The most records kept (the newest).
    static let limit = 256

    /// Path -> its last rewrite, keyed byte for byte.
    var records = PathMap<RewriteRecord>()

    private static func location(_ repository: Repository) -> URL {
        repository.gitDirectory.appending(path: "hearth/rewrites")
    }

    /// Reads the records, without those older than ``lifetime``; a missing or damaged file (or
    /// line) means no record, which only turns the protection off for those paths.
    static func load(_ repository: Repository, now: Date = Date()) -> RewriteRecords {
        var loaded = RewriteRecords()
        guard let text = try? String(contentsOf: location(repository), encoding: .utf8) else { return loaded }
        for line in text.split(separator: "\n") {
            // "<unix seconds> <written> <replaced>...\t<path>": tab-separated so any path fits.
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let fields = parts[0].split(separator: " ").map(String.init)
            guard fields.count >= 3, let seconds = TimeInterval(fields[0]), let written = ObjectID(hex: fields[1]) else { continue }
            let replaced = fields.dropFirst(2).compactMap { ObjectID(hex: $0) }
            let time = Date(timeIntervalSince1970: seconds)
            guard replaced.count == fields.count - 2, now.timeIntervalSince(time) < lifetime else { continue }
            loaded.records[String(parts[1])] = RewriteRecord(replaced: replaced, written: written, time: time)
        }
        return loaded
    }

    /// Writes the newest ``limit`` records atomically, or removes the file when there are none.
    ///
    /// Best effort: the records only add protection, so a notebook whose `.git` cannot take them
    /// syncs as before rather than failing.
    func save(_ repository: Repository) {
        let url = RewriteRecords.location(repository)
        if records.isEmpty {
            try? FileManager.default.removeItem(at: url)
            return
        }
        let kept = records.entries.sorted { $0.value.time > $1.value.time }.prefix(RewriteRecords.limit)
            .sorted { TreePath($0.key) < TreePath($1.key) }
        let text = kept.map { path, record in
            "\(Int(record.time.timeIntervalSince1970)) \(record.written) \(record.replaced.map(\.description).joined(separator: " "))\t\(path)\n"
        }.joined()
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: url, options: .atomic)
    }
}

extension RewriteRecords {
    /// The record after a rewrite from `replaced` to `written`: it extends `previous` when the
    /// file still held what that rewrite wrote (no save in between), otherwise starts anew. A
    /// long chain keeps its first base (the oldest buffer an editor may hold) and the newest.
    static func chained(_ previous: RewriteRecord?, replaced: ObjectID, written: ObjectID, at time: Date) -> RewriteRecord {
        var bases = [replaced]
        if let previous, previous.written == replaced {
            let chain = previous.replaced + [replaced]
            bases = chain.count <= RewriteRecord.chainLimit ? chain : [chain[0]] + chain.suffix(RewriteRecord.chainLimit - 1)
        }
        return RewriteRecord(replaced: bases, written: written, time: time)
    }
}

extension RewriteRecords {
    /// Drops the records of `paths`: a command that writes them on purpose (a restore, a
    /// resolve) leaves no stale buffer to guard against, and a record would read its result, or
    /// the next save of it, as a stale save and undo it.
    static func forget(_ paths: some Sequence<String>, in repository: Repository) {
        var store = load(repository)
        var changed = false
        for path in paths where store.records[path] != nil {
            store.records[path] = nil
            changed = true
        }
        if changed { store.save(repository) }
    }
}
