import Foundation
import MergeKit
import NoteKit

/// What a merge the snapshot makes itself writes besides the merged file: the copies set aside
/// beside it and the conflict records. Both merges of the snapshot (edits a sync had to keep, see
/// ``PendingEdits``, and stale editor saves) write them the same way.
extension Syncer {
    /// Writes each of `files` (a copy set aside beside a merged entry) unless it already holds
    /// those bytes.
    /// - Returns: their paths, for the commit.
    func writeExtraFiles(_ files: [ExtraFile]) throws(NotebookError) -> [String] {
        for extra in files {
            let target = root.appending(path: extra.path).path(percentEncoded: false)
            try FileSystem.createParents(of: target)
            if (try? FileSystem.read(target)) != [UInt8](extra.data) {
                try FileSystem.replace(target, with: [UInt8](extra.data), expecting: nil)
            }
        }
        return files.map(\.path)
    }

    /// Records each of `conflicts` in `store` and counts it among this sync's new conflicts.
    /// - Returns: the records' paths, for the commit.
    func recordConflicts(_ conflicts: [MergeConflict], in store: ConflictStore) throws(SyncError) -> [String] {
        var paths: [String] = []
        for conflict in conflicts {
            let record = ConflictRecord(conflict)
            try store.write(record)
            snapshotConflicts.append(record)
            paths.append(record.path)
        }
        return paths
    }
}
