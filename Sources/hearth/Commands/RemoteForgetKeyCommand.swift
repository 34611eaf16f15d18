import ArgumentParser
import SyncKit

/// `hearth remote forget-key NAME`.
struct RemoteForgetKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget-key",
        abstract: "Remove the key of an encrypted remote kept on this device.",
        discussion: "The next hearth sync with the remote asks for its passphrase again. The remote and its files are not touched."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The encrypted remote's name.")
    var name: String

    func run() throws {
        let notebook = try global.notebook()
        try RemoteSelection.requireEncrypted(name, root: notebook.root)
        if try EncryptedRemotes.forgetKey(root: notebook.root, name: name) {
            print("Removed the key of \(name) from this device; the next hearth sync with it asks for the passphrase.")
        } else {
            print("No key of \(name) was kept on this device.")
        }
    }
}
