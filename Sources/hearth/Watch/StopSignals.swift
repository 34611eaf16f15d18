import Foundation
import GitKit
import Synchronization

/// The signals that stop a watcher (SIGINT, SIGTERM, SIGHUP), noticed without a handler.
///
/// They are blocked in the thread that creates this value (the main thread, first thing, so
/// every thread started later blocks them too), so no default action can end the process
/// mid-sync and no handler runs. A signal then stays pending on the process; a helper thread
/// looks for that and asks the watcher to stop. A pending signal is never taken while a restart
/// may be under way (``beginRestart()``): one that arrives just before `exec` stays pending in
/// the new process image (the mask and pending signals survive exec), which sees it and stops at
/// once. Once a stop is under way no restart happens, so the first signal is then taken, which
/// lets a second one be seen: the watcher's way to end a sync stuck on the network at once.
final class StopSignals: Sendable {
    /// The signals watched.
    let signals: [Int32]
    private let state = Mutex(State())

    /// What the helper thread, the watcher and a restart must see alike.
    private struct State {
        var stopSeen = false
        var restarting = false
        var outsideRequest = false
        var closedOutput = false
    }

    /// Blocks `signals` in the calling thread and in every thread it starts from now on.
    init(_ signals: [Int32]) {
        self.signals = signals
        var mask = sigset_t()
        sigemptyset(&mask)
        for number in signals { sigaddset(&mask, number) }
        pthread_sigmask(SIG_BLOCK, &mask, nil)
    }

    /// Whether one of the signals is pending.
    var arePending: Bool {
        var pending = sigset_t()
        guard sigpending(&pending) == 0 else { return false }
        return signals.contains { sigismember(&pending, $0) == 1 }
    }

    /// Whether a stop was asked for: a signal seen or pending, or ``requestStop()``.
    var stopRequested: Bool {
        state.withLock { $0.stopSeen || $0.outsideRequest || arePending }
    }

    /// Asks for a stop as a signal would; `outputClosed`: because stdout was closed (see
    /// ``outputClosed``). Safe from any thread.
    func requestStop(outputClosed: Bool = false) {
        state.withLock {
            $0.outsideRequest = true
            if outputClosed { $0.closedOutput = true }
        }
    }

    /// Whether a stop was asked for because stdout was closed.
    var outputClosed: Bool {
        state.withLock { $0.closedOutput }
    }

    /// Called right before `exec`: true when no stop was asked for, and then no signal is taken
    /// until ``restartFailed()``, so one arriving meanwhile stays pending for the new image.
    func beginRestart() -> Bool {
        state.withLock {
            guard !$0.stopSeen && !$0.outsideRequest && !arePending else { return false }
            $0.restarting = true
            return true
        }
    }

    /// The `exec` failed: signals are looked for again.
    func restartFailed() {
        state.withLock { $0.restarting = false }
    }

    /// Calls `stop` once, from a thread of its own, as soon as one of the signals is pending (or
    /// ``requestStop()`` was called); then `again` with the number of each further signal. The
    /// thread looks ten times a second (`sigpending`, a few hundred nanoseconds): waiting for a
    /// signal without taking it has no portable blocking call.
    func notify(_ stop: @escaping @Sendable () -> Void, again: @escaping @Sendable (Int32) -> Void) {
        Thread.detachNewThread { [self] in
            while !takeFirst() { usleep(100_000) }
            stop()
            guard !signals.isEmpty else { return }
            while true {
                if arePending, let number = take() { again(number) }
                usleep(100_000)
            }
        }
    }

    /// Whether a stop is asked for now; a signal that asks is taken, unless a restart is under way.
    private func takeFirst() -> Bool {
        state.withLock {
            guard !$0.restarting else { return false }
            if $0.outsideRequest { return true }
            guard arePending else { return false }
            $0.stopSeen = true
            // Every stop signal pending now counts as this first one (SIGTERM and SIGHUP together
            // from a service manager, say): only one sent after it ends a sync under way.
            while take() != nil {}
            return true
        }
    }

    /// Takes one pending signal of the set (without waiting); its number.
    private func take() -> Int32? {
        PendingSignal.take(signals)
    }
}
