import Foundation

/// Keeps SIGPIPE away from the current thread while a libgit2 network call runs. libgit2 1.5
/// writes to sockets with plain `send` (no `MSG_NOSIGNAL`), so a write after the peer closed the
/// connection, or after ``NetworkWatchdog`` cut it, raises SIGPIPE, whose default action ends the
/// process. Blocked, the signal stays pending on this thread instead and the write fails with
/// `EPIPE`, which libgit2 reports; ``restore()`` then discards the pending signal and unblocks.
/// The signal mask is per thread, so nothing else in the process changes.
struct BrokenPipeGuard {
    private var previous = sigset_t()
    private var wasPending = false

    /// Blocks SIGPIPE on the calling thread.
    init() {
        var pipe = PendingSignal.set(of: [SIGPIPE])
        pthread_sigmask(SIG_BLOCK, &pipe, &previous)
        wasPending = PendingSignal.isPending([SIGPIPE])
    }

    /// Discards a SIGPIPE raised meanwhile (not one that was pending before) and restores the
    /// thread's signal mask. Call it on the thread that created the guard.
    func restore() {
        if !wasPending, PendingSignal.isPending([SIGPIPE]) {
            _ = PendingSignal.take([SIGPIPE])
        }
        var previous = self.previous
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }
}
