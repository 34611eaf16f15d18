/// What giving an encrypted remote a new key cost.
public struct EncryptedRemoteRekeyOutcome: Sendable, Equatable {
    /// Bytes uploaded: everything the remote's branches reach, sealed with the new key.
    public var uploadedBytes: Int
    /// Git objects in that upload.
    public var objectCount: Int
    /// Packs sealed with the old key that the new state no longer names (the host's history
    /// still holds them).
    public var replacedPacks: Int
}
