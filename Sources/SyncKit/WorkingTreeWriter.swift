import Dispatch
import Foundation
internal import GitKit
import NoteKit

/// Applies ``CheckoutItem``s to the working tree: each a compare-and-swap on the bytes the file
/// held at the snapshot, so a save that lands during the sync is never overwritten.
struct WorkingTreeWriter: Sendable {
    /// The notebook root.
    let root: URL

    /// What applying one item did.
    struct Outcome: Sendable {
        /// The file now holds the new version (or is gone, for deletions).
        var applied: Bool
        /// Its stat data right after the write, when it is certainly the file written.
        var stat: FileStat?
    }

    /// Applies `items`: deletions first, one by one (a file that becomes a folder, or a folder
    /// that becomes a file, needs the old one gone before the new one can land), then writes many
    /// at a time (each file costs a create, a write and an fsync, mostly waiting on the disk).
    /// Only the deletion phase removes folders it emptied, so it can never race a new file
    /// landing in one.
    func apply(_ items: [CheckoutItem]) -> [Outcome] {
        let writes = items.indices.filter { items[$0].new != nil }
        let deletions = items.indices.filter { items[$0].new == nil }
        var outcomes = [Outcome](repeating: Outcome(applied: false, stat: nil), count: items.count)
        for index in deletions {
            let item = items[index]
            outcomes[index] = Outcome(applied: isContained(item) && remove(item.absolute, expecting: item.expected), stat: nil)
        }
        for (index, outcome) in zip(writes, ParallelMap.map(writes.map { items[$0] }, width: 8, write)) {
            outcomes[index] = outcome
        }
        // Each folder once, not once per file: the renames in it become durable together.
        let folders = Set(writes.filter { outcomes[$0].applied }.map { (items[$0].absolute as NSString).deletingLastPathComponent })
        _ = ParallelMap.map(Array(folders), width: 8) { folder in FileSystem.syncFolder(of: folder + "/.") }
        return outcomes
    }

    /// Writes one item if the path still holds what it expects.
    private func write(_ item: CheckoutItem) -> Outcome {
        guard let new = item.new, isContained(item), WorkingFile.read(item.absolute) == item.expected,
              let written = write(new.bytes, to: item.absolute, mode: new.mode, replacing: item.expected) else {
            return Outcome(applied: false, stat: nil)
        }
        // Trust the stat only if it is the file just written: the same inode, size and
        // modification time as the file had when it was synced, before the rename. A save in
        // between (a new inode, or a later mtime) gets no stat, and git re-reads the file.
        let stat = FileStat.of(item.absolute).flatMap { now -> FileStat? in
            guard let written, now.inode == written.inode, now.size == written.size, now.mtime == written.mtime else { return nil }
            return now
        }
        return Outcome(applied: true, stat: stat)
    }

    /// Whether every folder on the way to the item is a real folder: one the user replaced with a
    /// symbolic link may point anywhere, and nothing is read, written or deleted through it
    /// (the item is kept back like a file the user changed, see ``PendingEdits``).
    private func isContained(_ item: CheckoutItem) -> Bool {
        ContainedPath.linkedFolder(on: item.path, under: root.path(percentEncoded: false)) == nil
    }

    /// Writes `bytes` atomically as a file with `mode` (or a symbolic link to `bytes`), if the path
    /// still holds `current`. Returns nil when it did not write; otherwise the written file's
    /// identity as the write saw it (nil inside for links, whose stat is not worth trusting).
    private func write(_ bytes: [UInt8], to path: String, mode: UInt32, replacing current: WorkingFile) -> FileStat?? {
        do {
            try FileSystem.createParents(of: path)
            var written: FileStat?
            switch (current, mode == FileMode.symlink) {
            case (.bytes(let old), false):
                written = FileStat(try FileSystem.replace(path, with: bytes, expecting: old, syncFolder: false))
            case (.absent, false):
                written = FileStat(try FileSystem.replace(path, with: bytes, expecting: nil, syncFolder: false))
            case (.absent, true), (.link, true):
                return replaceLink(at: path, target: bytes, current: current) ? .some(nil) : nil
            case (.link, false), (.bytes, true):
                // A link becoming a file or the other way round: only once the old one is gone
                // (its folder stays: other writes may be landing in it).
                guard remove(path, expecting: current, pruneFolders: false) else { return nil }
                return write(bytes, to: path, mode: mode, replacing: .absent)
            case (.other, _):
                return nil
            }
            // The executable bit follows the tree, both ways.
            var info = stat()
            if lstat(path, &info) == 0 {
                let executable = mode == FileMode.executable
                // Executable for whoever may read it, like git's checkout.
                let wanted: mode_t = executable ? info.st_mode | ((info.st_mode & 0o444) >> 2) : info.st_mode & ~0o111
                if wanted & 0o7777 != info.st_mode & 0o7777 {
                    chmod(path, wanted & 0o7777)
                    written = nil   // chmod changed ctime; let git look again
                }
            }
            return .some(written)
        } catch {
            return nil
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
    private func remove(_ path: String, expecting current: WorkingFile, pruneFolders: Bool = true) -> Bool {
        // Compare right before unlinking; the window is a few microseconds, and a save in it
        // re-creates the file (editors write a new file and rename), which the next sync sees.
        guard current != .absent else { return true }
        guard WorkingFile.read(path) == current, unlink(path) == 0 else { return false }
        guard pruneFolders else { return true }
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let rootPath = root.standardizedFileURL.path(percentEncoded: false)
        while folder.standardizedFileURL.path(percentEncoded: false).count > rootPath.count,
              rmdir(folder.path(percentEncoded: false)) == 0 {
            folder = folder.deletingLastPathComponent()
        }
        return true
    }
}
