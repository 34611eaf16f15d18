import Foundation

/// The `stat` data git's index keeps per entry, for the query cache: a file whose stamp is the
/// one recorded, and was recorded safely before the cache's scan began, has not changed since.
package struct FileStamp: Sendable, Equatable {
    /// Modification time, nanoseconds since the epoch.
    package var mtime: Int64
    /// Status change time, nanoseconds since the epoch (`utimes` cannot set it back).
    package var ctime: Int64
    /// Size in bytes.
    package var size: UInt64
    /// Inode and device: a file replaced by rename (what editors and a checkout do) has a new inode.
    package var inode: UInt64
    package var device: UInt64
    /// Type and permission bits.
    package var mode: UInt32

    // `init(_ info: stat)` is in FileStamp+Linux.swift and FileStamp+Darwin.swift: the C library
    // names the times differently.

    /// A stamp from its fields.
    package init(mtime: Int64, ctime: Int64, size: UInt64, inode: UInt64, device: UInt64, mode: UInt32) {
        self.mtime = mtime
        self.ctime = ctime
        self.size = size
        self.inode = inode
        self.device = device
        self.mode = mode
    }

    /// The stamp of the file `path` leads to (a link to a file is followed, as reading it does),
    /// nil when there is none.
    package static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    /// The stamp of an open file.
    package static func of(descriptor: Int32) -> FileStamp? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    /// Whether both times are strictly older than `instant` (git's racy rule): a file changed at
    /// or after `instant` may have changed again within the same clock tick without its stamp
    /// showing it, so it is "racily clean" and must be read again.
    package func isSettled(before instant: Int64) -> Bool {
        mtime < instant && ctime < instant
    }
}
