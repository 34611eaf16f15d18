import ArgumentParser
import SyncKit

/// `hearth remote passphrase NAME`.
struct RemotePassphraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passphrase",
        abstract: "Change the passphrase of an encrypted remote.",
        discussion: """
            Wraps the remote's key with the new passphrase (asked twice, or $HEARTH_NEW_PASSPHRASE) \
            and pushes it. The key stays the same: everything on the remote stays readable, and \
            devices that keep the key go on syncing without asking. Without a key on this device, \
            the current passphrase is asked first ($HEARTH_PASSPHRASE).
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The encrypted remote's name.")
    var name: String

    @OptionGroup var timeout: TimeoutOption

    func run() throws {
        let notebook = try global.notebook()
        try RemoteSelection.requireEncrypted(name, root: notebook.root)
        let new = try RemotePassphrase.chosen(for: name, new: true)
        try EncryptedRemotes.changePassphrase(root: notebook.root, name: name, current: RemotePassphrase.whenNeeded, newPassphrase: new,
                                              network: SyncNetwork(timeout: try timeout.seconds(notebook: notebook.root)))
        print("Changed the passphrase of \(name); other devices keep syncing, and a new device or clone needs the new passphrase.")
    }
}
