#if canImport(Darwin)
import Darwin

extension sigaction {
    /// The handler: `SIG_DFL`, `SIG_IGN` or a function (Darwin keeps it in the union
    /// `__sigaction_u`).
    var handler: (@convention(c) (Int32) -> Void)? {
        get { __sigaction_u.__sa_handler }
        set { __sigaction_u.__sa_handler = newValue }
    }
}
#endif
