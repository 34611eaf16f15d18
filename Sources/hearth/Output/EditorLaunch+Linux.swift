#if os(Linux)
import Glibc

extension EditorLaunch {
    /// Spawn attributes for `posix_spawnattr_init`: a struct in glibc.
    static func newSpawnAttributes() -> posix_spawnattr_t {
        posix_spawnattr_t()
    }
}
#endif
