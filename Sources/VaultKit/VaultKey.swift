import Crypto
import Foundation

/// The secret of one encrypted remote: a random 256-bit notebook key, with the notebook's id and
/// the key's id.
///
/// It is deliberately not `Codable` and never shows the key: `description`, `debugDescription`,
/// `String(reflecting:)` and `dump` all print only the key id, so a key cannot leak through a log
/// line, an error message or a debugger print. The key leaves this type only sealed
/// (``KeyEnvelope``) or into the device's own key file (``VaultKeyStore``).
public struct VaultKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The notebook's id: 32 lowercase hex digits (16 random bytes). Not secret; it stays the same
    /// when the key is replaced, so every key of one notebook is bound to the same notebook.
    public let notebookID: String
    /// The key's id: 16 lowercase hex digits, 8 bytes derived from the key by HKDF. It tells two
    /// keys apart and reveals nothing about the key.
    public let keyID: String
    /// The 256-bit key. Internal: only this module's sealing and storing code may touch it.
    let key: SymmetricKey

    /// The byte count of a notebook key.
    static let byteCount = 32

    /// A key from its bytes; the key id is computed from them.
    init(notebookID: String, key: SymmetricKey) {
        self.notebookID = notebookID
        self.key = key
        self.keyID = Self.keyID(of: key)
    }

    /// A new random key (from the system's random number generator) for the notebook
    /// `notebookID`, or for a new notebook with a new random id when `notebookID` is nil.
    ///
    /// A given `notebookID` must be 32 lowercase hex digits (as read from a ``KeyEnvelope`` or a
    /// ``VaultManifest``); anything else is a programming error.
    public static func generate(notebookID: String? = nil) -> VaultKey {
        let notebook = notebookID ?? VaultHex.random(byteCount: 16)
        precondition(VaultHex.isHex(notebook, count: 32), "a notebook id is 32 lowercase hex digits")
        return VaultKey(notebookID: notebook, key: SymmetricKey(size: .bits256))
    }

    /// The id of `key`: a separate HKDF output (its own `info`), so knowing the id tells nothing
    /// about the key or about the subkeys that seal manifests and packs.
    static func keyID(of key: SymmetricKey) -> String {
        let derived = HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Data("hearth key id v1".utf8), outputByteCount: 8)
        return derived.withUnsafeBytes { VaultHex.encode($0) }
    }

    /// The key's bytes, for the envelope and the key file only.
    var bytes: Data {
        key.withUnsafeBytes { Data($0) }
    }

    /// `VaultKey(<key id>)`: never the key.
    public var description: String { "VaultKey(\(keyID))" }

    /// The same as ``description``: never the key.
    public var debugDescription: String { description }

    /// A mirror with the two ids only, so `dump` and debuggers do not walk into the key's storage.
    public var customMirror: Mirror {
        Mirror(self, children: ["notebookID": notebookID, "keyID": keyID], displayStyle: .struct)
    }
}
