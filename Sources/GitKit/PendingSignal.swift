import Foundation

/// Signals that are blocked and pending, looked at and taken without waiting: how hearth deals
/// with a signal without a handler (a handler runs on an arbitrary thread, in the middle of
/// whatever it interrupted). Taking is platform code: PendingSignal+Linux.swift and
/// PendingSignal+Darwin.swift.
package enum PendingSignal {
    /// Whether one of `signals` is pending for the calling thread or the process.
    package static func isPending(_ signals: [Int32]) -> Bool {
        var pending = sigset_t()
        guard sigpending(&pending) == 0 else { return false }
        return signals.contains { sigismember(&pending, $0) == 1 }
    }

    /// The set holding `signals`.
    static func set(of signals: [Int32]) -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals { sigaddset(&set, number) }
        return set
    }
}
