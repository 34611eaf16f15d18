import Foundation

extension FileSystem {
    /// `renameat2(2)`'s signature (the Swift overlay does not declare it; `FileSystem+Linux`
    /// looks it up in glibc, `FileSystem+Darwin` has none).
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Whether this system can swap two names in one step (``exchange(_:_:)``); file systems
    /// may still refuse it.
    package static var swapsNames: Bool { renameAt2 != nil }

    /// Swaps the files at `first` and `second` in one step (`RENAME_EXCHANGE`): each name then
    /// holds what the other held, and neither is ever missing. Returns 0 when swapped, else the
    /// error (`EINVAL` where the file system cannot swap: FAT, some network and FUSE file systems;
    /// `ENOENT` when either name is gone), with nothing changed; nil where the system has no swap
    /// at all (not Linux).
    static func exchange(_ first: String, _ second: String) -> Int32? {
        guard let renameAt2 else { return nil }
        // RENAME_EXCHANGE from <linux/fs.h>.
        return renameAt2(AT_FDCWD, first, AT_FDCWD, second, 1 << 1) == 0 ? 0 : errno
    }
}
