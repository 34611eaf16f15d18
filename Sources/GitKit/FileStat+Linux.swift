#if os(Linux)
import Glibc

extension FileStat {
    /// The fields git keeps of a `stat` result (glibc names the times `st_ctim` and `st_mtim`).
    public init(_ info: stat) {
        self.init(ctime: (Int64(info.st_ctim.tv_sec), UInt32(info.st_ctim.tv_nsec)),
                  mtime: (Int64(info.st_mtim.tv_sec), UInt32(info.st_mtim.tv_nsec)),
                  device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
                  uid: info.st_uid, gid: info.st_gid, size: UInt64(info.st_size))
    }
}
#endif
