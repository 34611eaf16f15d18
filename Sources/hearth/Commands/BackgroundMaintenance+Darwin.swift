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
}
#endif
