/// One sealed git pack on the carrier, as the manifest lists it: `packs/<name>`.
public struct VaultPack: Sendable, Equatable, Codable {
    /// 32 lowercase hex digits (``newName()``): random, so the name says nothing about the content.
    public var name: String
    /// The byte count of the sealed file.
    public var size: Int
    /// The hex SHA-256 of the sealed file (``VaultSeal/digest(_:)``).
    public var sha256: String
    /// The commit ids (40 hex digits) whose history this pack completes, given the packs before it
    /// in the manifest.
    public var tips: [String]

    /// A pack entry.
    public init(name: String, size: Int, sha256: String, tips: [String]) {
        self.name = name
        self.size = size
        self.sha256 = sha256
        self.tips = tips
    }

    /// A new random pack name: 16 bytes from the system's random number generator, as 32 lowercase
    /// hex digits. Random rather than derived from the content, so equal packs pushed twice do not
    /// show the host that they are equal.
    public static func newName() -> String {
        VaultHex.random(byteCount: 16)
    }

    /// Whether `name` is a pack name: the check that keeps a name from a manifest a plain file
    /// name inside `packs/` (no `/`, no `..`).
    static func isName(_ name: String) -> Bool {
        VaultHex.isHex(name, count: 32)
    }
}
