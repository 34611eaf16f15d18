#if canImport(Darwin)
import Darwin

extension PendingSignal {
    /// Takes one pending signal of `signals` (which the calling thread must block) and returns
    /// its number; nil at once when none is pending. Darwin has no `sigtimedwait`: `sigwait` is
    /// called only for a signal `sigpending` lists, which it takes without waiting.
    package static func take(_ signals: [Int32]) -> Int32? {
        var pending = sigset_t()
        guard sigpending(&pending) == 0,
              let number = signals.first(where: { sigismember(&pending, $0) == 1 }) else { return nil }
        var one = Self.set(of: [number])
        var taken: Int32 = 0
        return sigwait(&one, &taken) == 0 ? taken : nil
    }
}
#endif
