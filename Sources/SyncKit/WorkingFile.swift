import Foundation
internal import GitKit
import NoteKit

/// What a path in the working tree holds, compared before hearth rewrites it.
enum WorkingFile: Equatable {
    /// Nothing is there.
    case absent
    /// A regular file with these bytes.
    case bytes([UInt8])
    /// A symbolic link with this target.
    case link([UInt8])
    /// A folder, a link, a device, an unreadable file: never rewritten.
    case other

    /// Wraps an expected content (nil: absent); a link's blob holds its target.
    init(_ bytes: [UInt8]?, mode: UInt32?) {
        guard let bytes else { self = .absent; return }
        self = mode == FileMode.symlink ? .link(bytes) : .bytes(bytes)
    }

    /// Reads `path` without following a symlink.
    static func read(_ path: String) -> WorkingFile {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT ? .absent : .other }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(path, &buffer, buffer.count)
            return count >= 0 ? .link(Array(buffer[0..<count])) : .other
        }
        guard (info.st_mode & S_IFMT) == S_IFREG, let bytes = try? FileSystem.read(path) else { return .other }
        return .bytes(bytes)
    }
}
