import Foundation
internal import GitKit
import NoteKit

/// A cheap summary of everything under a notebook except `.git` and editor artefacts (a swap
/// file vim rewrites as you type is no change to sync, see ``EditorArtefact``): each entry's name, type, size,
/// inode, modification and change times, folded into one hash. Two fingerprints differ when a
/// file was written, created, removed, renamed or had its mode changed; computing one only reads
/// folders and calls `lstat`, never opens a file (an editor saving at that moment is never held
/// up). The polling detector compares fingerprints; inotify makes them unnecessary on Linux.
struct TreeFingerprint: Equatable {
    /// The folded hash (valid within one process: `Hasher` is seeded per process).
    var hash: Int
    /// How many entries were seen.
    var entries: Int

    /// The fingerprint of the tree at `root` (an absolute path).
    static func of(_ root: String) -> TreeFingerprint {
        var hasher = Hasher()
        var entries = 0
        TreeFingerprint.walk(root) { relative, info in
            let folder = (info.st_mode & S_IFMT) == S_IFDIR
            if !folder && EditorArtefact.isArtefact(path: relative) { return }
            entries += 1
            hasher.combine(relative)
            hasher.combine(info.st_mode)
            hasher.combine(info.st_ino)
            // A folder's size and times change with every name made or removed in it (a swap
            // file's too); the names and stats of what it holds already say what changed.
            if folder { return }
            hasher.combine(info.st_size)
            let times = FileStat(info)
            hasher.combine(times.mtime.seconds)
            hasher.combine(times.mtime.nanoseconds)
            hasher.combine(times.ctime.seconds)
            hasher.combine(times.ctime.nanoseconds)
        }
        return TreeFingerprint(hash: hasher.finalize(), entries: entries)
    }

    /// Calls `visit` with the path (relative to `root`) and `lstat` of every entry under `root`,
    /// depth first, skipping any folder named `.git` (the notebook's repository, or a nested one)
    /// and never following links.
    static func walk(_ root: String, _ visit: (String, stat) -> Void) {
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." || name == ".git" { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(root + "/" + path, &info) == 0 else { continue }
                visit(path, info)
                if (info.st_mode & S_IFMT) == S_IFDIR { pending.append(path) }
            }
        }
    }

    /// The folders under `root` (relative paths, "" for `root` itself) that a watcher needs to
    /// watch: every folder except `.git` ones, links not followed.
    static func folders(under root: String) -> [String] {
        var folders = [""]
        walk(root) { path, info in
            if (info.st_mode & S_IFMT) == S_IFDIR { folders.append(path) }
        }
        return folders
    }
}
