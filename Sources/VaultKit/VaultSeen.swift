/// What this device has seen of one remote's manifest chain: the newest manifest's sequence and
/// the digest of its sealed bytes. Kept by the caller between syncs and given to
/// ``VaultChain/check(_:digest:seen:manifest:)``.
public struct VaultSeen: Sendable, Equatable, Codable {
    /// The newest manifest's ``VaultManifest/sequence``.
    public var sequence: UInt64
    /// ``VaultSeal/digest(_:)`` of that sealed manifest.
    public var digest: String

    /// A record of the manifest `sequence` with `digest`.
    public init(sequence: UInt64, digest: String) {
        self.sequence = sequence
        self.digest = digest
    }
}
