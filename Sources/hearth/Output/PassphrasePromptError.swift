/// Why ``PassphrasePrompt`` has no passphrase to give.
enum PassphrasePromptError: Error, Sendable, Equatable {
    /// `HEARTH_PASSPHRASE` is unset and there is no terminal to ask on (stdin is not a terminal,
    /// or `/dev/tty` cannot be opened): a script, a service, a pipe.
    case noTerminal
    /// A new passphrase was typed differently twice, `attempts` times over.
    case mismatch(attempts: Int)
    /// The input ended (Ctrl-D) before a line was typed.
    case endOfInput
    /// The terminal could not be set up or read; `reason` is the system's.
    case terminal(reason: String)
}
