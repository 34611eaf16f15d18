import VaultKit

/// Whether this device keeps a usable key for an encrypted remote.
public enum EncryptedKeyStatus: Sendable, Equatable {
    /// A key file is kept and can be used.
    case kept
    /// No key file is kept: the next sync asks for the passphrase.
    case absent
    /// A key file is there but cannot be used as it is (for example, others can read it); the
    /// error says what is wrong with it and where it is.
    case unusable(VaultError)
}
