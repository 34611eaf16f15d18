/// How an editor run ended, as `waitpid` tells it.
enum EditorExit: Equatable {
    /// The editor exited with this status.
    case exited(Int32)
    /// A signal ended the editor.
    case killed(signal: Int32)
    /// The editor never started (`posix_spawn` failed with this errno).
    case couldNotStart(errno: Int32)
    /// The editor started but waiting for it failed with this errno.
    case lost(errno: Int32)

    /// Decodes a `waitpid` status of a child that has ended (Swift sees no `WIFEXITED` macros).
    init(waitStatus status: Int32) {
        let signal = status & 0x7f
        self = signal == 0 ? .exited((status >> 8) & 0xff) : .killed(signal: signal)
    }
}
