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
            if change.oldMode == FileMode.gitlink || change.newMode == FileMode.gitlink {
                // A submodule entry has no file of its own here: record it, touch nothing.
                if let newID = change.newID, let mode = change.newMode {
                    indexUpdates.append(.set(path: path, id: newID, mode: mode))
                } else {
                    indexUpdates.append(.remove(path: path))
                }
                continue
            }
            let absolute = root.appending(path: path).path(percentEncoded: false)
            let expected = try git { () throws(GitError) in try change.oldID.map { id throws(GitError) in [UInt8](try repository.blob(id)) } }
            let current = WorkingFile.read(absolute)
            var written = false
            if current == WorkingFile(expected, mode: change.oldMode) {
                if let newID = change.newID {
                    let bytes = try git { () throws(GitError) in [UInt8](try repository.blob(newID)) }
                    written = write(bytes, to: absolute, mode: change.newMode ?? FileMode.blob, replacing: current)
                } else {
                    written = remove(absolute, expecting: current)
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

    /// Writes `bytes` atomically as a file with `mode` (or a symbolic link to `bytes`), if the path
    /// still holds `current`.
    private func write(_ bytes: [UInt8], to path: String, mode: UInt32, replacing current: WorkingFile) -> Bool {
        do {
            try FileSystem.createParents(of: path)
            switch (current, mode == FileMode.symlink) {
            case (.bytes(let old), false):
                try FileSystem.replace(path, with: bytes, expecting: old)
            case (.absent, false):
                try FileSystem.replace(path, with: bytes, expecting: nil)
            case (.absent, true), (.link, true):
                return replaceLink(at: path, target: bytes, current: current)
            case (.link, false), (.bytes, true):
                // A link becoming a file or the other way round: only once the old one is gone.
                guard remove(path, expecting: current) else { return false }
                return write(bytes, to: path, mode: mode, replacing: .absent)
            case (.other, _):
                return false
            }
            // The executable bit follows the tree, both ways.
            var info = stat()
            if lstat(path, &info) == 0 {
                let executable = mode == FileMode.executable
                // Executable for whoever may read it, like git's checkout.
                let wanted: mode_t = executable ? info.st_mode | ((info.st_mode & 0o444) >> 2) : info.st_mode & ~0o111
                if wanted & 0o7777 != info.st_mode & 0o7777 { chmod(path, wanted & 0o7777) }
            }
            return true
        } catch {
            return false
        }
    }

    /// Points a symbolic link at `target` atomically (a new link, then rename over the old one).
    private func replaceLink(at path: String, target: [UInt8], current: WorkingFile) -> Bool {
        let temporary = path + ".hearth-link-\(getpid()).tmp"
        let made = (target + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { symlink($0, temporary) }
        }
        guard made == 0 else { return false }
        // Last look before the swap, as for files.
        guard WorkingFile.read(path) == current, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Deletes the file or link if it still holds `current`, then any folders the deletion emptied.
    private func remove(_ path: String, expecting current: WorkingFile) -> Bool {
        // Compare right before unlinking; the window is a few microseconds, and a save in it
        // re-creates the file (editors write a new file and rename), which the next sync sees.
        guard current != .absent else { return true }
        guard WorkingFile.read(path) == current, unlink(path) == 0 else { return false }
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let rootPath = root.standardizedFileURL.path(percentEncoded: false)
        while folder.standardizedFileURL.path(percentEncoded: false).count > rootPath.count,
              rmdir(folder.path(percentEncoded: false)) == 0 {
            folder = folder.deletingLastPathComponent()
        }
        return true
    }
}
