import Foundation
internal import GitKit

extension Syncer {
    /// Fetches `remote` through `repository` (a handle of this notebook's, perhaps another
    /// thread's), plain or encrypted; an encrypted remote reports its steps to `checkpoint`.
    static func fetch(_ remote: String, in repository: Repository, options: NetworkOptions,
                      passphrase: (@Sendable (String) -> String?)?,
                      checkpoint: (@Sendable (SyncCheckpoint) -> Void)?) throws(TransportFailure) {
        if var encrypted = EncryptedRemote(repository: repository, name: remote, passphrase: passphrase) {
            encrypted.checkpoint = checkpoint
            try encrypted.fetch(options: options)
        } else {
            try EncryptedRemote.git { () throws(GitError) in try repository.fetch(remote: remote, options: options) }
        }
    }

    /// Pushes the commit at `localRef` to `remoteRef` on `remote` through `repository`, plain or
    /// encrypted; an encrypted remote reports its steps to `checkpoint`.
    static func push(_ remote: String, in repository: Repository, localRef: String, remoteRef: String, options: NetworkOptions,
                     passphrase: (@Sendable (String) -> String?)?,
                     checkpoint: (@Sendable (SyncCheckpoint) -> Void)?) throws(TransportFailure) {
        if var encrypted = EncryptedRemote(repository: repository, name: remote, passphrase: passphrase) {
            encrypted.checkpoint = checkpoint
            try encrypted.push(localRef: localRef, remoteRef: remoteRef, options: options)
        } else {
            try EncryptedRemote.git { () throws(GitError) in
                try repository.push(remote: remote, refspecs: ["\(localRef):\(remoteRef)"], options: options)
            }
        }
    }

    /// The folder on this machine that a push to `remote` writes: the push URL's (`pushurl`, or the
    /// URL), or for an encrypted remote its carrier's; nil for a network remote.
    func pushFolder(of remote: String) -> URL? {
        guard let configured = try? repository.remote(named: remote) else { return nil }
        return localFolder(of: EncryptedRemote.carrierURL(of: configured.url) ?? configured.pushDestination)
    }

    /// Whether `remote` is an encrypted remote.
    func isEncrypted(_ remote: String) -> Bool {
        (try? repository.remote(named: remote)?.url).flatMap { EncryptedRemote.carrierURL(of: $0) } != nil
    }
}
