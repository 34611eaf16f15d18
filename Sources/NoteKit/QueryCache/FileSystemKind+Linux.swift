#if os(Linux)
import Glibc

extension FileSystemKind {
    /// The file systems whose folder times a listing trusts: ext2/3/4, xfs, btrfs, tmpfs, zfs and
    /// f2fs, local file systems that set a folder's modification and change times, to the
    /// nanosecond, whenever a name in it is added, removed or renamed.
    ///
    /// overlayfs (0x794c7630, most containers) is left out: a folder created in the upper layer
    /// shows that layer's times, but one merged with a lower layer is copied up when first
    /// changed, and what its times and inode show across that copy-up depends on the kernel and
    /// its options (`xino`, `redirect_dir`); until that is shown safe, such folders are listed
    /// every time. So are NFS, CIFS, FUSE and vfat, whose times a server or coarse ticks keep.
    static let trusted: Set<String> = ["0xef53", "0x58465342", "0x9123683e", "0x1021994", "0x2fc12fc1", "0xf2f52010"]

    /// Whether a folder's times on this file system show every change of its names.
    package var keepsFolderTimes: Bool { Self.trusted.contains(name) }

    /// The kind of file system `path` is on, nil when it cannot be told.
    package static func of(_ path: String) -> FileSystemKind? {
        guard let statfs = statfsFunction else { return nil }
        // `struct statfs` begins with `f_type`, a C `long` (`__fsword_t`) on the platforms Swift
        // runs Linux on; the buffer is larger than the whole struct (120 bytes on 64-bit).
        return withUnsafeTemporaryAllocation(byteCount: 512, alignment: 16) { buffer -> FileSystemKind? in
            buffer.initializeMemory(as: UInt8.self, repeating: 0)
            guard statfs(path, buffer.baseAddress!) == 0 else { return nil }
            // The magic numbers are 32-bit; `f_type` is signed, negative for some on 32-bit systems.
            let type = buffer.load(as: Int.self)
            return FileSystemKind(name: "0x" + String(UInt32(truncatingIfNeeded: type), radix: 16))
        }
    }

    private typealias Statfs = @convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer) -> Int32

    /// statfs(2): glibc has it, but the Glibc module leaves out `sys/vfs.h`, so it is looked up
    /// at run time.
    private static let statfsFunction = dlsym(dlopen(nil, RTLD_NOW), "statfs").map { unsafeBitCast($0, to: Statfs.self) }
}
#endif
