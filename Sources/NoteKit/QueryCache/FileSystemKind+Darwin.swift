#if canImport(Darwin)
import Darwin

extension FileSystemKind {
    /// The file systems whose folder times a listing trusts: APFS and HFS+, the local disks,
    /// which set a folder's modification and change times whenever a name in it is added,
    /// removed or renamed. Not SMB, NFS, macFUSE, exFAT or msdos, whose times a server or
    /// coarse ticks keep.
    static let trusted: Set<String> = ["apfs", "hfs"]

    /// Whether a folder's times on this file system show every change of its names.
    package var keepsFolderTimes: Bool { Self.trusted.contains(name) }

    /// The kind of file system `path` is on, nil when it cannot be told.
    package static func of(_ path: String) -> FileSystemKind? {
        var info = statfs()
        guard statfs(path, &info) == 0 else { return nil }
        return FileSystemKind(info)
    }

    private init(_ info: statfs) {
        let name = withUnsafeBytes(of: info.f_fstypename) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        self.init(name: name)
    }
}
#endif
