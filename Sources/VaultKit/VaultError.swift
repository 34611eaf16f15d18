/// Everything that can go wrong in VaultKit, with the facts as associated values. The wording of
/// `description` is plain library wording; a program that has commands gives its own advice.
public enum VaultError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The passphrase is empty: it would protect nothing.
    case emptyPassphrase
    /// The passphrase does not open the key envelope (or the envelope was altered: the two cannot
    /// be told apart, since the passphrase-derived key is what authenticates it).
    case wrongPassphrase
    /// `file` is not in the expected format; `line` is its 1-based line for the text formats.
    case malformed(file: String, line: Int?, reason: String)
    /// `file` failed authentication: it was altered, truncated, sealed with another key, or
    /// moved from another place or notebook.
    case notAuthentic(file: String)
    /// An authentic manifest names another notebook than the key's.
    case otherNotebook(expected: String, found: String)
    /// The sealed pack `name` differs from what the manifest says of it (size, digest, name), or
    /// `name` is not a pack name.
    case packMismatch(name: String, reason: String)
    /// The remote offers a manifest older than one this device has already seen.
    case rolledBack(seen: UInt64, offered: UInt64)
    /// The remote offers, at `sequence`, another manifest than the one this device has seen there.
    case forked(sequence: UInt64)
    /// The manifest chain cannot be followed: the manifest at `sequence` is missing or does not
    /// link to the one after it.
    case brokenChain(sequence: UInt64)
    /// The key file at `path` cannot be read, written or removed.
    case keyFile(path: String, reason: String)
    /// The key file at `path` can be read by others than its owner (`mode` is its permission bits).
    case insecureKeyFile(path: String, mode: Int)
    /// The system's random number generator or a cryptographic primitive failed.
    case random(reason: String)

    public var description: String {
        switch self {
        case .emptyPassphrase:
            "the passphrase is empty"
        case .wrongPassphrase:
            "wrong passphrase: it does not open the notebook's key"
        case let .malformed(file, line?, reason):
            "\(file), line \(line): \(reason)"
        case let .malformed(file, nil, reason):
            "\(file): \(reason)"
        case let .notAuthentic(file):
            "\(file) is not authentic: it was altered, truncated, sealed with another key or moved from elsewhere"
        case let .otherNotebook(expected, found):
            "the manifest belongs to notebook \(found), not to this notebook (\(expected))"
        case let .packMismatch(name, reason):
            "pack \(name): \(reason)"
        case let .rolledBack(seen, offered):
            "the remote offers manifest \(offered), older than manifest \(seen) already seen here: it was rolled back"
        case let .forked(sequence):
            "the remote's manifest \(sequence) is not the one seen here: its history was forked"
        case let .brokenChain(sequence):
            "the remote's manifest chain is broken at manifest \(sequence)"
        case let .keyFile(path, reason):
            "key file \(path): \(reason)"
        case let .insecureKeyFile(path, mode):
            "key file \(path) can be read by others (mode \(String(mode, radix: 8))); it must be 600"
        case let .random(reason):
            "cryptography failed: \(reason)"
        }
    }
}
