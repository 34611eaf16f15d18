import Foundation
import GitKit
import NoteKit

extension Syncer {
    /// Brings the working tree from `oldTree` (what the files held at the snapshot) to `newTree`,
    /// file by file, and updates the index to match.
    ///
    /// A file is rewritten only if it still holds exactly the snapshot's bytes, and the write is a
    /// compare-and-swap on those bytes, so a save that lands during the sync is never overwritten:
    /// such files keep the user's bytes, are remembered in ``PendingEdits`` and go out with the
    /// next sync. libgit2's checkout is not used because it cannot promise that per file.
    /// - Returns: the files kept as the user saved them.
    func updateWorkingTree(from oldTree: ObjectID?, to newTree: ObjectID) throws(SyncError) -> [String] {
        reach(.beforeCheckout)
        let changes = try git { () throws(GitError) in
            try repository.treeChanges(from: oldTree, to: newTree, detectRenames: false)
        }
        var pending = PendingEdits.load(repository)
        var indexUpdates: [IndexUpdate] = []
        var kept: [String] = []
        for change in changes {
            guard let path = change.newPath ?? change.oldPath else { continue }
            let absolute = root.appending(path: path).path(percentEncoded: false)
            let expected = try git { () throws(GitError) in try change.oldID.map { id throws(GitError) in [UInt8](try repository.blob(id)) } }
            let current = WorkingFile.read(absolute)
            var written = false
            if current == WorkingFile(expected) {
                if let newID = change.newID {
                    let bytes = try git { () throws(GitError) in [UInt8](try repository.blob(newID)) }
                    written = write(bytes, to: absolute, replacing: expected, executable: change.newMode == FileMode.executable)
                } else {
                    written = remove(absolute, expecting: expected)
                }
            }
            if written {
                indexUpdates.append(change.newID == nil ? .remove(path: path) : .addFromWorkingTree(path: path))
                if pending.bases[path] != nil { pending.bases[path] = nil }
            } else {
                // Keep the user's bytes: the index takes the new version, so the file shows as
                // changed and the next snapshot merges it (see PendingEdits).
                kept.append(path)
                if pending.bases[path] == nil { pending.bases[path] = .some(change.oldID) }
                if let newID = change.newID {
                    indexUpdates.append(.set(path: path, id: newID, mode: change.newMode ?? FileMode.blob))
                } else {
                    indexUpdates.append(.remove(path: path))
                }
            }
        }
        try git { () throws(GitError) in try repository.updateIndex(indexUpdates) }
        try pending.save(repository)
        reach(.afterCheckout)
        return kept.sorted()
    }

    /// Writes `bytes` atomically if the file still holds `expected` (nil: does not exist).
    private func write(_ bytes: [UInt8], to path: String, replacing expected: [UInt8]?, executable: Bool) -> Bool {
        do {
            try FileSystem.createParents(of: path)
            try FileSystem.replace(path, with: bytes, expecting: expected)
            if executable, expected == nil { chmod(path, 0o755) }
            return true
        } catch {
            return false
        }
    }

    /// Deletes the file if it still holds `expected`, then any folders the deletion emptied.
    private func remove(_ path: String, expecting expected: [UInt8]?) -> Bool {
        guard let expected else { return true }
        // Compare right before unlinking; the window is a few microseconds, and a save in it
        // re-creates the file (editors write a new file and rename), which the next sync sees.
        guard (try? FileSystem.read(path)) == expected, unlink(path) == 0 else { return false }
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let rootPath = root.standardizedFileURL.path(percentEncoded: false)
        while folder.standardizedFileURL.path(percentEncoded: false).count > rootPath.count,
              rmdir(folder.path(percentEncoded: false)) == 0 {
            folder = folder.deletingLastPathComponent()
        }
        return true
    }
}
