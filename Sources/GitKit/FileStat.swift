import Foundation

/// The `lstat` data git keeps per index entry to tell, without reading a file, that it has not
/// changed since it was recorded.
public struct FileStat: Sendable, Hashable {
    /// Status change time, seconds and nanoseconds.
    public var ctime: (seconds: Int64, nanoseconds: UInt32)
    /// Modification time, seconds and nanoseconds.
    public var mtime: (seconds: Int64, nanoseconds: UInt32)
    /// Device and inode.
    public var device: UInt64
    public var inode: UInt64
    /// Owner.
    public var uid: UInt32
    public var gid: UInt32
    /// Size in bytes.
    public var size: UInt64

    // `init(_ info: stat)` is in FileStat+Linux.swift and FileStat+Darwin.swift: the C library
    // names the times differently, and every Hearth module reads them through this type.

    /// The stat data of `path` itself (a link is not followed), nil when it cannot be read.
    public static func of(_ path: String) -> FileStat? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileStat(info)
    }

    /// A value from its fields.
    public init(ctime: (seconds: Int64, nanoseconds: UInt32), mtime: (seconds: Int64, nanoseconds: UInt32),
                device: UInt64, inode: UInt64, uid: UInt32, gid: UInt32, size: UInt64) {
        self.ctime = ctime
        self.mtime = mtime
        self.device = device
        self.inode = inode
        self.uid = uid
        self.gid = gid
        self.size = size
    }

    public static func == (lhs: FileStat, rhs: FileStat) -> Bool {
        lhs.ctime == rhs.ctime && lhs.mtime == rhs.mtime && lhs.device == rhs.device && lhs.inode == rhs.inode
            && lhs.uid == rhs.uid && lhs.gid == rhs.gid && lhs.size == rhs.size
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(inode)
        hasher.combine(mtime.seconds)
        hasher.combine(mtime.nanoseconds)
        hasher.combine(size)
    }
}
