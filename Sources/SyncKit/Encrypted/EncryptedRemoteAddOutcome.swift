/// What adding an encrypted remote found there.
public struct EncryptedRemoteAddOutcome: Sendable, Equatable {
    /// The remote was empty and now holds a new encrypted notebook (a new key).
    public var created: Bool
    /// The branches the encrypted notebook already held (`refs/heads/main`), when joined.
    public var branches: [String]
}
