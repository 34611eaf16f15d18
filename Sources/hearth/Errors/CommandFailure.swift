/// A failure a command reports itself, with the exit code it means.
struct CommandFailure: Error, CustomStringConvertible {
    /// What happened and what to do about it.
    var message: String
    /// 1 for a failure, 2 for a usage error.
    var exitCode: Int32 = 1

    var description: String { message }

    /// A usage error (exit 2): the command line itself is wrong.
    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 2) }
}
