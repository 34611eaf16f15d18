import Foundation
public import VaultKit

/// What went wrong with an encrypted remote, apart from the network (which a sync reports as
/// ``SyncError/network(remote:operation:underlying:)``, as for any remote).
public enum EncryptedRemoteProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file of the remote failed its check (not authentic, malformed, another notebook's, an
    /// older state than this device has seen), or the passphrase was wrong.
    case vault(VaultError)
    /// The remote holds no encrypted notebook: it is empty, or was emptied since.
    case notEncrypted(url: String)
    /// The remote holds a repository that is not an encrypted notebook, so it cannot become one.
    case holdsPlainRepository(url: String, references: [String])
    /// The key on this device does not open the remote (there is none, or the remote was given a
    /// new key since) and no passphrase was supplied. `changed` tells which.
    case passphraseNeeded(changed: Bool)
    /// The remote's state at `commit` lacks a file its manifest names.
    case missingFile(path: String, commit: String)
    /// This device's record of the remote (under `.git/hearth/encrypted/`) cannot be read or
    /// written.
    case state(path: String, reason: String)

    public var description: String {
        switch self {
        case .vault(let error): return error.description
        case .notEncrypted(let url): return "\(url) holds no encrypted notebook (it is empty)"
        case .holdsPlainRepository(let url, let references):
            let shown = references.prefix(3).joined(separator: ", ") + (references.count > 3 ? ", ..." : "")
            return "\(url) already holds a repository that is not encrypted (\(shown))"
        case .passphraseNeeded(true): return "the remote was given a new key or passphrase since this device last synced; its passphrase is needed"
        case .passphraseNeeded(false): return "this device has no key for the remote; its passphrase is needed"
        case .missingFile(let path, let commit): return "the remote's state \(commit.prefix(12)) lacks \(path), which its manifest names"
        case .state(let path, let reason): return "\(path): \(reason)"
        }
    }
}
