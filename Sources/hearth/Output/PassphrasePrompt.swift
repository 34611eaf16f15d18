import Foundation

/// Where the command line gets a passphrase: `HEARTH_PASSPHRASE` for scripts and tests, else
/// the terminal, asked with echo off.
///
/// The terminal is `/dev/tty`, not stdin and stderr: those may be a pipe or a file while a person
/// sits at the terminal, and the passphrase must not land in a redirected output. It is asked only
/// when stdin is a terminal too, so a command in a pipeline or under a service manager fails at
/// once with a clear error rather than waiting for a person who is not there.
enum PassphrasePrompt {
    /// The variable a script gives the passphrase in.
    static let variable = "HEARTH_PASSPHRASE"
    /// How often a new passphrase may be typed differently before giving up.
    static let confirmAttempts = 3

    /// The passphrase: `HEARTH_PASSPHRASE` from `environment` when it is set (an empty value is an
    /// empty passphrase, which the caller refuses), else typed at the terminal after `prompt`;
    /// with `confirm` (a new passphrase) typed twice, and asked again up to
    /// ``confirmAttempts`` times when the two differ.
    static func read(prompt: String, confirm: Bool,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws(PassphrasePromptError) -> String {
        if let given = environment[variable] { return given }
        guard isatty(STDIN_FILENO) == 1 else { throw .noTerminal }
        // O_NOCTTY: opening the terminal must not make it the controlling terminal of a process
        // that has none.
        let descriptor = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .noTerminal }
        defer { close(descriptor) }
        guard confirm else { return try PassphraseTerminal.readLine(descriptor, prompt: prompt) }
        for attempt in 1...confirmAttempts {
            let first = try PassphraseTerminal.readLine(descriptor, prompt: prompt)
            let second = try PassphraseTerminal.readLine(descriptor, prompt: "Repeat the passphrase: ")
            if first == second { return first }
            if attempt < confirmAttempts { PassphraseTerminal.write(descriptor, "The two passphrases differ; once more.\n") }
        }
        throw .mismatch(attempts: confirmAttempts)
    }
}
