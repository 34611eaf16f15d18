internal import Clibgit2

/// Process-wide libgit2 state shared by every GitKit entry point.
enum Libgit2 {
    /// libgit2 must be initialised before any other call and only once per process; a
    /// `static let` gives exactly that, lazily and thread-safely. Shutdown is never called
    /// because handles may outlive any point we could pick for it.
    private static let initialization: Int32 = git_libgit2_init()

    /// Touches the initialisation token; every public entry point that does not already
    /// hold a repository handle calls this first.
    static func ensureInitialized() {
        // A negative count means libgit2 could not set itself up (its TLS or thread state); every
        // later call would fail with a misleading message, so stop here with the real reason.
        precondition(initialization >= 0, "libgit2 failed to initialise (git_libgit2_init returned \(initialization))")
    }
}
