import Foundation

/// The passphrases of encrypted remotes, as the commands ask for them: from `HEARTH_PASSPHRASE`
/// when set (scripts, tests), else at the terminal with echo off (``PassphrasePrompt``).
enum RemotePassphrase {
    /// The passphrase of the encrypted remote it is given the name of, for a sync or a clone that
    /// finds no key on this device to open it; nil when there is no way to ask (no terminal and
    /// no `HEARTH_PASSPHRASE`): the sync then says what it needs.
    static let whenNeeded: @Sendable (String) -> String? = { remote in
        try? PassphrasePrompt.read(prompt: "Passphrase of the encrypted remote '\(remote)': ", confirm: false)
    }

    /// A passphrase chosen now for `remote`: asked twice at the terminal. A `new` one (replacing
    /// the current) comes from `HEARTH_NEW_PASSPHRASE` instead when that is set, never from
    /// `HEARTH_PASSPHRASE`, which holds the current one.
    static func chosen(for remote: String, new: Bool = false) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        if new { environment["HEARTH_PASSPHRASE"] = environment["HEARTH_NEW_PASSPHRASE"] }
        return try PassphrasePrompt.read(prompt: "\(new ? "New passphrase" : "Passphrase") for the encrypted remote '\(remote)': ",
                                         confirm: true, environment: environment)
    }
}
