#if os(Linux)
import Glibc

extension BackgroundMaintenance {
    /// File actions for `posix_spawn_file_actions_init`: a struct in glibc.
    static func newFileActions() -> posix_spawn_file_actions_t {
        posix_spawn_file_actions_t()
    }

    /// `POSIX_SPAWN_SETSID` (glibc 2.26), which glibc declares for `_GNU_SOURCE` only.
    static let newSessionFlag: Int16 = 0x80

    /// Closes every descriptor from 3 up in the child; the spawn flags that also takes (none
    /// here). `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34) is declared for
    /// `_GNU_SOURCE` only, so it is looked up at run time; an older glibc leaves them open.
    static func closingOtherDescriptors(_ actions: inout posix_spawn_file_actions_t) -> Int16 {
        _ = addClosefrom?(&actions, 3)
        return 0
    }

    private typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addClosefrom = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddClosefrom.self) }
}
#endif
