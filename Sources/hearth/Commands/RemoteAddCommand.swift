import ArgumentParser
import Foundation
import GitKit
import SyncKit

/// `hearth remote add NAME URL [--encrypt]`.
struct RemoteAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a remote, exactly as git remote add would, or an encrypted one.",
        discussion: """
            URL may be a path, file://, ssh://, user@host:path or https://. With --encrypt the remote \
            keeps only ciphertext: it must be empty (a new key is made) or already hold this notebook \
            encrypted (its passphrase opens it). The passphrase is asked twice at the terminal, or \
            read from $HEARTH_PASSPHRASE; the key is then kept on this device (.git/hearth/keys, \
            never synced). See README, "Encrypted remotes".
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The remote's name, e.g. origin.")
    var name: String

    @Argument(help: "Where the remote is.")
    var url: String

    @Flag(help: "Keep the notebook encrypted end to end on this remote: the host sees only ciphertext.")
    var encrypt = false

    @OptionGroup var timeout: TimeoutOption

    @Flag(help: "Trust an ssh server seen for the first time and add its key to ~/.ssh/known_hosts (a changed key is still refused).")
    var acceptNewHost = false

    func run() throws {
        let notebook = try global.notebook()
        let repository = try Repository.open(at: notebook.root)
        if try repository.remote(named: name) != nil {
            throw CommandFailure(message: "a remote named '\(name)' already exists; see hearth remote -v")
        }
        // A relative local path means "from here", as typed; stored absolute, it keeps meaning
        // that from any folder and any -C.
        let address = RemoteAddress.resolved(url, from: try global.workingDirectory())
        guard encrypt else {
            let remote = try repository.addRemote(name: name, url: address)
            print("Added remote \(remote.name) \(remote.displayURL); run hearth sync to send and receive.")
            return
        }
        let passphrase = try RemotePassphrase.chosen(for: name)
        let network = SyncNetwork(timeout: try timeout.seconds(notebook: notebook.root), acceptNewHostKeys: acceptNewHost)
        let outcome = try EncryptedRemotes.add(root: notebook.root, name: name, url: address, passphrase: passphrase, network: network)
        let shown = Remote.redacted(address)
        if outcome.created {
            print("Added encrypted remote \(name) \(shown) with a new key, kept on this device; run hearth sync to send the notebook.")
        } else {
            let branches = outcome.branches.map { $0.replacingOccurrences(of: "refs/heads/", with: "") }.joined(separator: ", ")
            print("Added encrypted remote \(name) \(shown), which holds an encrypted notebook (\(branches.isEmpty ? "nothing pushed yet" : branches)); run hearth sync to receive it.")
        }
    }
}
