#if canImport(Darwin)
import Darwin

extension FileStat {
    /// The fields git keeps of a `stat` result (Darwin names the times `st_ctimespec` and
    /// `st_mtimespec`).
    public init(_ info: stat) {
        self.init(ctime: (Int64(info.st_ctimespec.tv_sec), UInt32(info.st_ctimespec.tv_nsec)),
                  mtime: (Int64(info.st_mtimespec.tv_sec), UInt32(info.st_mtimespec.tv_nsec)),
                  // dev_t is a signed 32-bit integer on Darwin: keep its bits, never trap.
                  device: UInt64(UInt32(bitPattern: info.st_dev)), inode: UInt64(info.st_ino),
                  uid: info.st_uid, gid: info.st_gid, size: UInt64(info.st_size))
    }
}
#endif
