/// The content of the carrier's `manifest`: where the notebook's branches point, the packs that
/// hold their objects, and the link to the manifest before it. Sealed by ``VaultSeal``; each push
/// writes the next one.
public struct VaultManifest: Sendable, Equatable, Codable {
    /// The notebook (``VaultKey/notebookID``).
    public var notebookID: String
    /// 0 for the first manifest, one more for each following: with ``previous`` it makes the chain
    /// that lets a device refuse an older manifest (``VaultChain``).
    public var sequence: UInt64
    /// ``VaultSeal/digest(_:)`` of the previous sealed manifest; nil for sequence 0.
    public var previous: String?
    /// Reference name (`refs/heads/main`) to commit id (40 hex digits).
    public var references: [String: String]
    /// The packs, oldest first.
    public var packs: [VaultPack]
    /// The carrier's other files (``VaultFormat/keyFile``, ``VaultFormat/readmeFile``) by path, each
    /// with the SHA-256 of its bytes (``VaultSeal/digest(_:)``): the key envelope is authenticated
    /// by the passphrase alone, so a device that keeps the key (and so never unwraps it) would
    /// not notice a changed envelope without this.
    public var files: [String: String]

    /// A manifest.
    public init(notebookID: String, sequence: UInt64, previous: String?, references: [String: String], packs: [VaultPack],
                files: [String: String] = [:]) {
        self.notebookID = notebookID
        self.sequence = sequence
        self.previous = previous
        self.references = references
        self.packs = packs
        self.files = files
    }

    /// Why an opened manifest cannot be used, or nil. It is authentic, so only a faulty writer
    /// gets here; but pack names become file paths and digests are compared as text, so they are
    /// held to their exact form before anyone uses them.
    func problem() -> String? {
        guard VaultHex.isHex(notebookID, count: 32) else { return "the notebook id is not 32 lowercase hex digits" }
        switch (sequence, previous) {
        case (0, nil):
            break
        case (0, _?):
            return "manifest 0 names a previous manifest"
        case (_, nil):
            return "manifest \(sequence) names no previous manifest"
        case let (_, previous?):
            guard VaultHex.isHex(previous, count: 64) else { return "the previous manifest's digest is not 64 lowercase hex digits" }
        }
        for (reference, commit) in references {
            guard reference.hasPrefix("refs/") else { return "reference \(reference) is not under refs/" }
            guard Self.isCommitID(commit) else { return "reference \(reference) points to \(commit), not a commit id" }
        }
        for (path, digest) in files where !VaultHex.isHex(digest, count: 64) {
            return "file \(path)'s SHA-256 is not 64 lowercase hex digits"
        }
        var names: Set<String> = []
        for pack in packs {
            guard VaultPack.isName(pack.name) else { return "pack name \(pack.name) is not 32 lowercase hex digits" }
            guard names.insert(pack.name).inserted else { return "pack \(pack.name) is listed twice" }
            guard pack.size >= 0 else { return "pack \(pack.name) has a negative size" }
            guard VaultHex.isHex(pack.sha256, count: 64) else { return "pack \(pack.name)'s SHA-256 is not 64 lowercase hex digits" }
            for tip in pack.tips where !Self.isCommitID(tip) {
                return "pack \(pack.name) names \(tip), not a commit id"
            }
        }
        return nil
    }

    /// A git object id: 40 hex digits (SHA-1) or 64 (SHA-256 repositories).
    static func isCommitID(_ text: String) -> Bool {
        VaultHex.isHex(text, count: 40) || VaultHex.isHex(text, count: 64)
    }
}
