#if os(Linux)
import Glibc

extension sigaction {
    /// The handler: `SIG_DFL`, `SIG_IGN` or a function (glibc keeps it in the union
    /// `__sigaction_handler`).
    var handler: (@convention(c) (Int32) -> Void)? {
        get { __sigaction_handler.sa_handler }
        set { __sigaction_handler.sa_handler = newValue }
    }
}
#endif
