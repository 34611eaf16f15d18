#if canImport(Darwin)
import Darwin

extension EditorLaunch {
    /// Spawn attributes for `posix_spawnattr_init`: an opaque pointer on Darwin, which
    /// `posix_spawnattr_init` allocates.
    static func newSpawnAttributes() -> posix_spawnattr_t? {
        nil
    }
}
#endif
