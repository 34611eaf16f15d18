#if os(Linux)
import Glibc

extension BackgroundMaintenance {
    /// File actions for `posix_spawn_file_actions_init`: a struct in glibc.
    static func newFileActions() -> posix_spawn_file_actions_t {
        posix_spawn_file_actions_t()
    }

    /// `POSIX_SPAWN_SETSID` (glibc 2.26), which glibc declares for `_GNU_SOURCE` only.
    static let newSessionFlag: Int16 = 0x80
}
#endif
