#if os(Linux)
import Glibc

extension FileStamp {
    /// The fields of a `stat` result (glibc names the times `st_mtim` and `st_ctim`).
    package init(_ info: stat) {
        self.init(mtime: Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec),
                  ctime: Int64(info.st_ctim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_ctim.tv_nsec),
                  size: UInt64(info.st_size), inode: UInt64(info.st_ino), device: UInt64(info.st_dev),
                  mode: UInt32(info.st_mode))
    }
}
#endif
