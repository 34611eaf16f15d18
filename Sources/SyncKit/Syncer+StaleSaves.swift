import Foundation
internal import GitKit
import MergeKit
import NoteKit

/// Saves from an editor buffer loaded before a sync rewrote the file (merge.md, "Saves from a
/// stale editor buffer"): the checkout remembers what it replaced, the snapshot merges a stale
/// save with what the sync wrote instead of committing the other device's lines away.
extension Syncer {
    /// Remembers the rewrites among `items` that the checkout applied (see ``RewriteRecords``).
    /// A file a sync deleted, created or turned into a link has nothing to merge later: its
    /// record goes.
    func rememberRewrites(_ items: [CheckoutItem], replacing oldIDs: PathMap<ObjectID?>) {
        guard !items.isEmpty else { return }
        var store = RewriteRecords.load(repository)
        let now = Date()
        for item in items {
            guard case .bytes = item.expected, let new = item.new, new.mode != FileMode.symlink,
                  let written = item.newID, let replaced = oldIDs[item.path] ?? nil else {
                store.records[item.path] = nil
                continue
            }
            store.records[item.path] = RewriteRecords.chained(store.records[item.path], replaced: replaced, written: written, at: now)
        }
        store.save(repository)
    }

    /// Remembers a rewrite of one file the snapshot made itself (merging edits a sync had to
    /// keep, see ``PendingEdits``): the editor that saved them holds a buffer without the merge.
    func rememberRewrite(of path: String, replacing replaced: [UInt8], with written: Data) {
        guard Data(replaced) != written, let replacedID = try? repository.writeBlob(Data(replaced)),
              let writtenID = try? repository.writeBlob(written) else { return }
        var store = RewriteRecords.load(repository)
        store.records[path] = RewriteRecord(replaced: [replacedID], written: writtenID, time: Date())
        store.save(repository)
    }

    /// Forgets the rewrites of `path`: a restore replaces the file on purpose, and a record would
    /// read the restored version as a stale save.
    func forgetRewrites(of path: String) {
        RewriteRecords.forget([path], in: repository)
    }

    /// Merges each stale save among `paths` (files the snapshot is about to commit) with the
    /// lines the sync wrote, writing the result over the save only if the file still holds the
    /// save.
    ///
    /// The first save after a rewrite decides: a stale one is merged (and the merge is
    /// remembered as a rewrite, since the editor's buffer is stale again); any other save is
    /// committed as saved and the record goes, so a line deleted after it was seen stays deleted.
    ///
    /// - Returns: the paths merged, for the commit message; the files the merges wrote beside
    ///   them (conflict records, copies), for the commit; the stale saves whose merge could
    ///   not be written, to leave out of it; and the blob each path whose record stays must
    ///   still hold when the snapshot reads it (what the merge wrote, or what the rewrite did):
    ///   anything else is a save landing after the judgement, to judge in the next snapshot.
    func keepLinesFromStaleSaves(among paths: [String])
        -> (merged: [String], added: [String], heldBack: [String], judged: PathMap<ObjectID>) {
        var store = RewriteRecords.load(repository)
        guard !store.records.isEmpty else { return ([], [], [], PathMap()) }
        var merged: [String] = [], added: [String] = [], heldBack: [String] = []
        var judged = PathMap<ObjectID>()
        var changed = false
        for path in paths {
            guard let record = store.records[path] else { continue }
            let absolute = root.appending(path: path).path(percentEncoded: false)
            var outcome = StaleSaveOutcome.asSaved
            // A save landing between the read and the write is judged again, up to a few times.
            for _ in 0..<3 {
                guard ContainedPath.linkedFolder(on: path, under: root.path(percentEncoded: false)) == nil,
                      case .bytes(let bytes) = WorkingFile.read(absolute) else {
                    outcome = .asSaved
                    break
                }
                outcome = mergeStaleSave(path: path, absolute: absolute, saved: Data(bytes), record: record)
                if outcome != .changed { break }
            }
            switch outcome {
            case .unchanged:
                judged[path] = record.written
            case .asSaved:
                store.records[path] = nil
                changed = true
            case .merged(let next, let files):
                store.records[path] = next
                changed = true
                merged.append(path)
                added += files
                judged[path] = next.written
            case .changed, .heldBack:
                // Saved again and again meanwhile, or the merge cannot be written: never commit
                // the save over the other device's lines; the record stays for the next snapshot.
                heldBack.append(path)
            }
        }
        // Most snapshots judge nothing: the records file is written only when a record changed.
        if changed { store.save(repository) }
        return (merged, added, heldBack, judged)
    }

    /// What the editor buffer behind `saved` was loaded from, when `saved` is a stale save (see
    /// ``StaleSave``) of the rewrite that left `base` in the file: a save the checkout kept back
    /// (see ``PendingEdits``) lacks that rewrite's lines because the buffer never held them, and
    /// the merge with what the sync brought must start from the version the buffer did hold.
    /// Nil when hearth did not write `base` into the file or the save is not stale.
    func staleSaveBase(path: String, keptOver base: ObjectID?, saved: Data, records: RewriteRecords) -> Data? {
        guard let base, let record = records.records[path], record.written == base,
              let written = try? repository.blob(base) else { return nil }
        let synced = MergeSide(device: "synced", time: record.time)
        let local = MergeSide(device: device, time: Date())
        for replaced in record.replaced {
            guard let bytes = try? repository.blob(replaced),
                  case .merged = StaleSave.judge(path: path, replaced: bytes, written: written, saved: saved,
                                                 synced: synced, local: local) else { continue }
            return bytes
        }
        return nil
    }

    /// `message` with a line for each path whose stale save was merged.
    static func noting(staleSavesIn paths: [String], in message: String) -> String {
        guard !paths.isEmpty else { return message }
        return message + "\n" + paths.map { "kept lines a stale editor save dropped in \($0)\n" }.joined()
    }

    /// Judges one save against each base of the record, oldest first, and writes the merge of a
    /// stale one (with its conflict records and copies, as ``mergePendingEdits()`` does).
    private func mergeStaleSave(path: String, absolute: String, saved: Data, record: RewriteRecord) -> StaleSaveOutcome {
        guard let written = try? repository.blob(record.written) else { return .asSaved }
        // Unchanged since the rewrite (only the index differs): an editor may still hold a buffer
        // from before it, so the record stays.
        if saved == written { return .unchanged }
        let synced = MergeSide(device: "synced", time: record.time)
        let local = MergeSide(device: device, time: Date())
        for base in record.replaced {
            guard let replaced = try? repository.blob(base) else { continue }
            guard case .merged(let result) = StaleSave.judge(path: path, replaced: replaced, written: written, saved: saved,
                                                             synced: synced, local: local),
                  let merged = result.merged else { continue }
            do {
                let savedID = try repository.writeBlob(saved)
                let mergedID = try repository.writeBlob(merged)
                var added = try writeExtraFiles(result.extraFiles)
                try FileSystem.replace(absolute, with: [UInt8](merged), expecting: [UInt8](saved))
                added += try recordConflicts(result.conflicts, in: ConflictStore(root: root))
                return .merged(RewriteRecord(replaced: [savedID], written: mergedID, time: Date()), added: added)
            } catch {
                // Changed since it was read: judge the new bytes. Anything else (read-only, a copy
                // in the way): leave it for a later snapshot.
                return WorkingFile.read(absolute) == .bytes([UInt8](saved)) ? .heldBack : .changed
            }
        }
        return .asSaved
    }
}
