import Foundation

extension FileSystem {
    /// `renameat2(2)` as glibc exports it (the Swift overlay does not declare it).
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2`, looked up once; nil where there is none (not Linux, an old glibc).
    private static let renameAt2: RenameAt2? = {
        #if os(Linux)
        // RTLD_DEFAULT (a null handle on glibc): the first definition in the global search order.
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    /// Swaps the files at `first` and `second` in one step (`RENAME_EXCHANGE`): each name then
    /// holds what the other held, and neither is ever missing. False, with nothing changed,
    /// where the system or the file system cannot (not Linux, FAT, some network and FUSE file
    /// systems) or either name is gone.
    static func exchange(_ first: String, _ second: String) -> Bool {
        guard let renameAt2 else { return false }
        // RENAME_EXCHANGE from <linux/fs.h>.
        return renameAt2(AT_FDCWD, first, AT_FDCWD, second, 1 << 1) == 0
    }
}
