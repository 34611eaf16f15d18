import ArgumentParser
import Foundation
import SyncKit

/// `hearth remote rekey NAME`.
struct RemoteRekeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rekey",
        abstract: "Give an encrypted remote a new key, after losing a device.",
        discussion: """
            Makes a new random key, wrapped by the passphrase (asked twice, or $HEARTH_NEW_PASSPHRASE; \
            it may be the old one), and uploads the whole notebook again sealed with it, in one \
            appended commit. A lost device's key opens nothing pushed from then on. Each other \
            device asks for the passphrase once at its next sync. The host's history keeps the \
            old ciphertext, which the old key still opens: to be rid of it, move the notebook to \
            a new, empty remote instead.
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
        let outcome = try EncryptedRemotes.rekey(root: notebook.root, name: name, current: RemotePassphrase.whenNeeded, newPassphrase: new,
                                                 network: SyncNetwork(timeout: try timeout.seconds(notebook: notebook.root)))
        let size = ByteCountFormatter.string(fromByteCount: Int64(outcome.uploadedBytes), countStyle: .file)
        print("Gave \(name) a new key: uploaded \(size) (\(outcome.objectCount) objects) sealed with it, replacing \(outcome.replacedPacks) "
              + "\(outcome.replacedPacks == 1 ? "pack" : "packs"). Other devices ask for the passphrase at their next sync.")
    }
}
