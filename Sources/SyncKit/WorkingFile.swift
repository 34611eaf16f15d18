import Foundation
import NoteKit

/// What a path in the working tree holds, compared before hearth rewrites it.
enum WorkingFile: Equatable {
    /// Nothing is there.
    case absent
    /// A regular file with these bytes.
    case bytes([UInt8])
    /// A folder, a link, a device, an unreadable file: never rewritten.
    case other

    /// Wraps an expected content (nil: absent).
    init(_ bytes: [UInt8]?) {
        self = bytes.map(WorkingFile.bytes) ?? .absent
    }

    /// Reads `path` without following a symlink.
    static func read(_ path: String) -> WorkingFile {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT ? .absent : .other }
        guard (info.st_mode & S_IFMT) == S_IFREG, let bytes = try? FileSystem.read(path) else { return .other }
        return .bytes(bytes)
    }
}
