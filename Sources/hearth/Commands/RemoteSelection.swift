import Foundation
import GitKit
import SyncKit

/// Checks on the remote a `remote` subcommand names.
enum RemoteSelection {
    /// Throws a usage-level failure unless `name` is an encrypted remote of the notebook at `root`.
    static func requireEncrypted(_ name: String, root: URL) throws {
        let remotes = try Repository.open(at: root).remotes()
        guard let remote = remotes.first(where: { $0.name == name }) else {
            let names = remotes.map(\.name)
            throw CommandFailure(message: "no remote named '\(name)'" + (names.isEmpty ? "" : " (remotes: \(names.joined(separator: ", ")))") + "; see hearth remote -v")
        }
        guard EncryptedRemotes.carrierURL(ofRemoteURL: remote.url) != nil else {
            throw CommandFailure(message: "'\(name)' is not an encrypted remote; add one with hearth remote add NAME URL --encrypt")
        }
    }
}
