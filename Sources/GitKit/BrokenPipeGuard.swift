import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps SIGPIPE away from the current thread while a libgit2 network call runs. libgit2 1.5
/// writes to sockets with plain `send` (no `MSG_NOSIGNAL`), so a write after the peer closed the
/// connection, or after ``NetworkWatchdog`` cut it, raises SIGPIPE, whose default action ends the
/// process. Blocked, the signal stays pending on this thread instead and the write fails with
/// `EPIPE`, which libgit2 reports; ``restore()`` then discards the pending signal and unblocks.
/// The signal mask is per thread, so nothing else in the process changes.
struct BrokenPipeGuard {
    #if os(Linux)
    private var previous = sigset_t()
    private var wasPending = false
    #endif

    /// Blocks SIGPIPE on the calling thread.
    init() {
        #if os(Linux)
        var pipe = sigset_t()
        sigemptyset(&pipe)
        sigaddset(&pipe, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipe, &previous)
        var pending = sigset_t()
        sigpending(&pending)
        wasPending = sigismember(&pending, SIGPIPE) == 1
        #endif
    }

    /// Discards a SIGPIPE raised meanwhile (not one that was pending before) and restores the
    /// thread's signal mask. Call it on the thread that created the guard.
    func restore() {
        #if os(Linux)
        var pipe = sigset_t()
        sigemptyset(&pipe)
        sigaddset(&pipe, SIGPIPE)
        var pending = sigset_t()
        sigpending(&pending)
        if !wasPending, sigismember(&pending, SIGPIPE) == 1 {
            var zero = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&pipe, nil, &zero)
        }
        var previous = self.previous
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        #endif
    }
}
