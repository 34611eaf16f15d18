#if canImport(Darwin)
import Darwin

extension FileStamp {
    /// The fields of a `stat` result (Darwin names the times `st_mtimespec` and `st_ctimespec`).
    package init(_ info: stat) {
        self.init(mtime: Int64(info.st_mtimespec.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtimespec.tv_nsec),
                  ctime: Int64(info.st_ctimespec.tv_sec) &* 1_000_000_000 &+ Int64(info.st_ctimespec.tv_nsec),
                  // dev_t is a signed 32-bit integer on Darwin: keep its bits, never trap.
                  size: UInt64(info.st_size), inode: UInt64(info.st_ino), device: UInt64(UInt32(bitPattern: info.st_dev)),
                  mode: UInt32(info.st_mode))
    }
}
#endif
