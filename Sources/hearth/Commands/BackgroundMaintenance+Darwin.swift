#if canImport(Darwin)
import Darwin

extension BackgroundMaintenance {
    /// File actions for `posix_spawn_file_actions_init`: an opaque pointer on Darwin, which
    /// `posix_spawn_file_actions_init` allocates.
    static func newFileActions() -> posix_spawn_file_actions_t? {
        nil
    }

    /// `POSIX_SPAWN_SETSID` (macOS 10.15).
    static let newSessionFlag = Int16(POSIX_SPAWN_SETSID)

    /// Closes every descriptor the file actions do not set up, in the child: the spawn flag
    /// that does it (`POSIX_SPAWN_CLOEXEC_DEFAULT`).
    static func closingOtherDescriptors(_ actions: inout posix_spawn_file_actions_t?) -> Int16 {
        Int16(POSIX_SPAWN_CLOEXEC_DEFAULT)
    }
}
#endif
