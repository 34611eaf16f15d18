#if os(Linux)
import Glibc

extension FileSystem {
    /// glibc's `renameat2`, looked up once; nil with a glibc too old to have it.
    static let renameAt2: RenameAt2? = {
        // RTLD_DEFAULT (a null handle on glibc): the first definition in the global search order.
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
}
#endif
