import Crypto
import Foundation

/// Seals and opens the carrier's manifest and packs with one notebook key.
///
/// A sealed file is `HEARTHENC`, a version byte, a kind byte (manifest or pack), then
/// ChaChaPoly's combined box: a 12-byte random nonce, the ciphertext and the 16-byte tag. Manifests
/// and packs are sealed with two subkeys derived from the notebook key by HKDF<SHA256>, so the
/// two kinds can never be swapped for each other. The associated data is the header, the notebook
/// id and, for a pack, its name: a pack renamed or moved to another notebook, or a manifest moved
/// from another notebook, fails to open, so the host cannot rearrange authentic files.
///
/// Nonces are random (96 bits): the number of files one key seals (one manifest and one pack
/// per push) stays far below the 2^32 messages where a repeat becomes plausible.
public struct VaultSeal: Sendable {
    let key: VaultKey
    let manifestKey: SymmetricKey
    let packKey: SymmetricKey

    static let magic = Data("HEARTHENC".utf8)
    /// Magic, version, kind.
    static let headerCount = magic.count + 2
    /// ChaChaPoly's nonce and tag.
    static let boxOverhead = 12 + 16

    /// What a sealed file holds; its byte is in the header.
    enum Kind: UInt8 {
        case manifest = 1
        case pack = 2
    }

    /// Sealing with `key`.
    public init(key: VaultKey) {
        self.key = key
        self.manifestKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: key.key, info: Data("hearth manifest v1".utf8), outputByteCount: 32)
        self.packKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: key.key, info: Data("hearth pack v1".utf8), outputByteCount: 32)
    }

    /// The sealed bytes of `manifest`: its canonical JSON (sorted keys), so equal manifests have
    /// equal plaintexts.
    ///
    /// A manifest whose notebook id is not the key's is sealed as it is: ``openManifest(_:)``
    /// refuses it with ``VaultError/otherNotebook(expected:found:)``.
    public func sealManifest(_ manifest: VaultManifest) throws(VaultError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json: Data
        do {
            json = try encoder.encode(manifest)
        } catch {
            throw .malformed(file: VaultFormat.manifestFile, line: nil, reason: "cannot be encoded: \(error)")
        }
        return try seal(json, kind: .manifest, name: nil)
    }

    /// The manifest in `sealed`, authenticated.
    ///
    /// Throws ``VaultError/notAuthentic(file:)`` when it was altered, truncated or sealed with
    /// another key (another notebook's included), ``VaultError/otherNotebook(expected:found:)``
    /// when it is authentic but names another notebook, and
    /// ``VaultError/malformed(file:line:reason:)`` for another format version or a content that
    /// is not a manifest.
    public func openManifest(_ sealed: Data) throws(VaultError) -> VaultManifest {
        let file = VaultFormat.manifestFile
        let json = try open(sealed, kind: .manifest, name: nil, file: file)
        let manifest: VaultManifest
        do {
            manifest = try JSONDecoder().decode(VaultManifest.self, from: json)
        } catch {
            throw .malformed(file: file, line: nil, reason: "not a manifest: \(error)")
        }
        guard manifest.notebookID == key.notebookID else {
            throw .otherNotebook(expected: key.notebookID, found: manifest.notebookID)
        }
        if let problem = manifest.problem() { throw .malformed(file: file, line: nil, reason: problem) }
        return manifest
    }

    /// The sealed bytes of the pack `pack`, to be stored as `packs/<name>`; `name` must be a
    /// pack name (``VaultPack/newName()``), since it is bound into the seal.
    public func sealPack(_ pack: Data, name: String) throws(VaultError) -> Data {
        guard VaultPack.isName(name) else { throw .packMismatch(name: name, reason: "not a pack name (32 lowercase hex digits)") }
        return try seal(pack, kind: .pack, name: name)
    }

    /// The pack in `sealed`, read from `packs/<name>`, which the manifest lists as `expected`.
    ///
    /// The size and SHA-256 are checked first (``VaultError/packMismatch(name:reason:)``): they
    /// are cheap, and tell a truncated or replaced file apart from an altered one. Then the seal
    /// (``VaultError/notAuthentic(file:)``), which also refuses a pack stored under another name.
    public func openPack(_ sealed: Data, name: String, expected: VaultPack) throws(VaultError) -> Data {
        guard VaultPack.isName(name) else { throw .packMismatch(name: name, reason: "not a pack name (32 lowercase hex digits)") }
        guard expected.name == name else {
            throw .packMismatch(name: name, reason: "the manifest's entry is for pack \(expected.name)")
        }
        guard sealed.count == expected.size else {
            throw .packMismatch(name: name, reason: "\(sealed.count) bytes, the manifest says \(expected.size)")
        }
        guard Self.digest(sealed) == expected.sha256 else {
            throw .packMismatch(name: name, reason: "its SHA-256 is not the one the manifest lists")
        }
        return try open(sealed, kind: .pack, name: name, file: "\(VaultFormat.packFolder)/\(name)")
    }

    /// The hex SHA-256 of sealed bytes: what a manifest names its predecessor and its packs by.
    public static func digest(_ sealed: Data) -> String {
        VaultHex.encode(SHA256.hash(data: sealed))
    }

    /// The header of a sealed file of `kind`.
    static func header(_ kind: Kind) -> Data {
        magic + [UInt8(VaultFormat.version), kind.rawValue]
    }

    /// What is authenticated with a file of `kind`: its header, the notebook id and the pack's
    /// name. The id and the name have fixed lengths (checked), so the concatenation is unambiguous.
    func associatedData(_ kind: Kind, name: String?) -> Data {
        Self.header(kind) + Data(key.notebookID.utf8) + Data((name ?? "").utf8)
    }

    func seal(_ plaintext: Data, kind: Kind, name: String?) throws(VaultError) -> Data {
        let box: ChaChaPoly.SealedBox
        do {
            box = try ChaChaPoly.seal(plaintext, using: kind == .manifest ? manifestKey : packKey,
                                      authenticating: associatedData(kind, name: name))
        } catch {
            throw .random(reason: "ChaChaPoly could not seal: \(error)")
        }
        return Self.header(kind) + box.combined
    }

    func open(_ sealed: Data, kind: Kind, name: String?, file: String) throws(VaultError) -> Data {
        guard sealed.count >= Self.headerCount + Self.boxOverhead, sealed.prefix(Self.magic.count) == Self.magic else {
            // Too short or another magic: not a sealed file at all, or cut before its tag.
            throw .notAuthentic(file: file)
        }
        let version = sealed[sealed.startIndex + Self.magic.count]
        guard Int(version) == VaultFormat.version else {
            throw .malformed(file: file, line: nil, reason: "sealed in format \(version), this reads format \(VaultFormat.version)")
        }
        // Every byte read must be authenticated: the kind byte is compared here (the expected
        // kind's header is what the seal authenticates, so a byte not compared would go unchecked).
        guard sealed.prefix(Self.headerCount) == Self.header(kind) else { throw .notAuthentic(file: file) }
        let body = sealed.dropFirst(Self.headerCount)
        do {
            let box = try ChaChaPoly.SealedBox(combined: body)
            return try ChaChaPoly.open(box, using: kind == .manifest ? manifestKey : packKey, authenticating: associatedData(kind, name: name))
        } catch {
            throw .notAuthentic(file: file)
        }
    }
}
