import Foundation

/// The signals that stop a watcher (SIGINT, SIGTERM, SIGHUP), noticed without ever being taken.
///
/// They are blocked in the thread that creates this value (the main thread, first thing, so
/// every thread started later blocks them too), so no default action can end the process
/// mid-sync and no handler runs. A signal then stays pending on the process; a helper thread
/// only looks for that and asks the watcher to stop. Never taking the signal is what makes a restart safe: one that arrives just before
/// `exec` stays pending in the new process image (the mask and pending signals survive exec),
/// which sees it and stops at once, where a signal a handler had already taken would be lost.
public final class StopSignals: @unchecked Sendable {
    /// The signals watched.
    public let signals: [Int32]
    private var mask = sigset_t()

    /// Blocks `signals` in the calling thread and in every thread it starts from now on.
    public init(_ signals: [Int32]) {
        self.signals = signals
        sigemptyset(&mask)
        for number in signals { sigaddset(&mask, number) }
        pthread_sigmask(SIG_BLOCK, &mask, nil)
    }

    /// Whether one of the signals has arrived (it stays pending until the process ends).
    public var arePending: Bool {
        var pending = sigset_t()
        guard sigpending(&pending) == 0 else { return false }
        return signals.contains { sigismember(&pending, $0) == 1 }
    }

    /// Calls `body` once, from a thread of its own, as soon as one of the signals is pending.
    /// The thread looks ten times a second (`sigpending`, a few hundred nanoseconds): waiting
    /// for a signal without taking it has no portable blocking call, and Glibc's Swift module
    /// has no `signalfd`.
    public func notify(_ body: @escaping @Sendable () -> Void) {
        guard !signals.isEmpty else { return }
        Thread.detachNewThread { [self] in
            while !arePending { usleep(100_000) }
            body()
        }
    }
}
