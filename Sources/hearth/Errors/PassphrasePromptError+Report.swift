extension PassphrasePromptError: ReportableError {
    var report: ErrorReport {
        switch self {
        case .noTerminal:
            .failure("no passphrase: HEARTH_PASSPHRASE is not set and there is no terminal to ask on; set HEARTH_PASSPHRASE to give it without a terminal")
        case let .mismatch(attempts):
            .failure("the two passphrases typed differed, \(attempts) times over")
        case .endOfInput:
            .failure("no passphrase was typed (the input ended)")
        case let .terminal(reason):
            .failure("cannot ask for the passphrase on the terminal: \(reason)")
        }
    }
}
