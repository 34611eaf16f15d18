#if os(Linux)
import Glibc

extension PendingSignal {
    /// Takes one pending signal of `signals` (which the calling thread must block) and returns
    /// its number; nil at once when none is pending. Calls `sigtimedwait` with a zero timeout.
    package static func take(_ signals: [Int32]) -> Int32? {
        var wanted = Self.set(of: signals)
        var zero = timespec(tv_sec: 0, tv_nsec: 0)
        let number = sigtimedwait(&wanted, nil, &zero)
        return number > 0 ? number : nil
    }
}
#endif
