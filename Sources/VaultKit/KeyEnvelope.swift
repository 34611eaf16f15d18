import Crypto
import CryptoExtras
import Foundation

/// The carrier's `key` file: the notebook key wrapped by the passphrase.
///
/// scrypt turns the passphrase and a random salt into a wrapping key; ChaChaPoly seals the
/// 32-byte notebook key under it, with the header (notebook id, key id, scrypt cost, salt)
/// authenticated as associated data, so none of it can be changed without the envelope failing
/// to open. Changing the passphrase writes a new envelope around the same key: everything sealed
/// before stays readable.
///
/// The text format, one `name: value` per line:
/// ```
/// hearth-encrypted-key 1
/// notebook: <32 hex digits>
/// key-id: <16 hex digits>
/// scrypt-log-n: 16
/// scrypt-r: 8
/// scrypt-p: 1
/// salt: <16 bytes, base64>
/// sealed: <ChaChaPoly nonce, sealed key and tag, base64>
/// ```
public struct KeyEnvelope: Sendable, Equatable {
    /// The notebook the key belongs to; not secret.
    public let notebookID: String
    /// The wrapped key's id (``VaultKey/keyID``); not secret.
    public let keyID: String
    /// The scrypt cost the passphrase is derived with.
    public let cost: ScryptCost
    /// scrypt's salt: 16 random bytes, new for every envelope, so one passphrase never derives
    /// the same wrapping key twice.
    let salt: Data
    /// ChaChaPoly's combined box: nonce, ciphertext of the key, tag.
    let sealed: Data

    static let magic = "hearth-encrypted-key"
    static let saltByteCount = 16
    /// Nonce, key and tag.
    static let sealedByteCount = 12 + VaultKey.byteCount + 16
    /// The names of the header's lines after the first, in their order; the `sealed` line follows.
    static let names = ["notebook", "key-id", "scrypt-log-n", "scrypt-r", "scrypt-p", "salt"]

    init(notebookID: String, keyID: String, cost: ScryptCost, salt: Data, sealed: Data) {
        self.notebookID = notebookID
        self.keyID = keyID
        self.cost = cost
        self.salt = salt
        self.sealed = sealed
    }

    /// Wraps `key` with `passphrase` at `cost`, with a new random salt and nonce.
    ///
    /// Throws ``VaultError/emptyPassphrase`` for an empty passphrase.
    public static func wrap(_ key: VaultKey, passphrase: String, cost: ScryptCost = .standard) throws(VaultError) -> KeyEnvelope {
        var generator = SystemRandomNumberGenerator()
        let salt = Data((0..<saltByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        let wrapping = try derive(passphrase: passphrase, salt: salt, cost: cost)
        let header = header(notebookID: key.notebookID, keyID: key.keyID, cost: cost, salt: salt)
        let box: ChaChaPoly.SealedBox
        do {
            box = try ChaChaPoly.seal(key.bytes, using: wrapping, authenticating: header)
        } catch {
            throw .random(reason: "ChaChaPoly could not seal the key: \(error)")
        }
        return KeyEnvelope(notebookID: key.notebookID, keyID: key.keyID, cost: cost, salt: salt, sealed: box.combined)
    }

    /// The notebook key, unwrapped with `passphrase`.
    ///
    /// Throws ``VaultError/emptyPassphrase`` for an empty passphrase and
    /// ``VaultError/wrongPassphrase`` when the envelope does not open: a wrong passphrase and an
    /// altered envelope look the same, since the passphrase is what authenticates it.
    public func unwrap(passphrase: String) throws(VaultError) -> VaultKey {
        try unwrap(using: Self.derive(passphrase: passphrase, salt: salt, cost: cost))
    }

    /// The notebook key, unwrapped with the key scrypt derived from the passphrase. Separate so
    /// that tests can try many altered envelopes without paying for scrypt each time.
    func unwrap(using wrapping: SymmetricKey) throws(VaultError) -> VaultKey {
        let header = Self.header(notebookID: notebookID, keyID: keyID, cost: cost, salt: salt)
        let opened: Data
        do {
            opened = try ChaChaPoly.open(ChaChaPoly.SealedBox(combined: sealed), using: wrapping, authenticating: header)
        } catch {
            throw .wrongPassphrase
        }
        guard opened.count == VaultKey.byteCount else {
            throw .malformed(file: VaultFormat.keyFile, line: nil, reason: "the sealed key has \(opened.count) bytes, not \(VaultKey.byteCount)")
        }
        let key = VaultKey(notebookID: notebookID, key: SymmetricKey(data: opened))
        // The envelope was sealed with this very header, so only a writer that put another key's
        // id in it gets here: such a key would be told apart wrongly everywhere after.
        guard key.keyID == keyID else { throw .notAuthentic(file: VaultFormat.keyFile) }
        return key
    }

    /// The wrapping key for `passphrase`.
    static func derive(passphrase: String, salt: Data, cost: ScryptCost) throws(VaultError) -> SymmetricKey {
        guard !passphrase.isEmpty else { throw .emptyPassphrase }
        // The same passphrase typed on two devices can arrive as different code points (an
        // accented letter precomposed or as letter and combining mark); NFC makes them one.
        let bytes = Data(passphrase.precomposedStringWithCanonicalMapping.utf8)
        do {
            return try KDF.Scrypt.deriveKey(from: bytes, salt: salt, outputByteCount: 32, rounds: cost.rounds,
                                            blockSize: cost.blockSize, parallelism: cost.parallelism)
        } catch {
            throw .random(reason: "scrypt failed: \(error)")
        }
    }

    /// The authenticated header: the envelope's text up to the sealed line, as ``encoded()``
    /// writes it, so what is authenticated is exactly what is read.
    static func header(notebookID: String, keyID: String, cost: ScryptCost, salt: Data) -> Data {
        let values = [notebookID, keyID, String(cost.logN), String(cost.blockSize), String(cost.parallelism), salt.base64EncodedString()]
        var text = "\(magic) \(VaultFormat.version)\n"
        for (name, value) in zip(names, values) {
            text += "\(name): \(value)\n"
        }
        return Data(text.utf8)
    }

    /// The envelope as the text of the `key` file.
    public func encoded() -> Data {
        Self.header(notebookID: notebookID, keyID: keyID, cost: cost, salt: salt) + Data("sealed: \(sealed.base64EncodedString())\n".utf8)
    }

    /// Reads a `key` file. Throws ``VaultError/malformed(file:line:reason:)`` naming the line for
    /// anything but the exact format, including a scrypt cost outside ``ScryptCost``'s bounds.
    public init(decoding data: Data) throws(VaultError) {
        func malformed(_ line: Int?, _ reason: String) -> VaultError {
            .malformed(file: VaultFormat.keyFile, line: line, reason: reason)
        }
        let allNames = Self.names + ["sealed"]
        let values = try VaultTextFile.values(data, file: VaultFormat.keyFile, magic: Self.magic, names: allNames)
        func integer(_ index: Int) throws(VaultError) -> Int {
            guard let value = Int(values[index]), String(value) == values[index] else {
                throw malformed(index + 2, "\(allNames[index]) is not a number")
            }
            return value
        }
        func bytes(_ index: Int, count: Int) throws(VaultError) -> Data {
            guard let value = Data(base64Encoded: values[index]), value.base64EncodedString() == values[index] else {
                throw malformed(index + 2, "\(allNames[index]) is not base64")
            }
            guard value.count == count else { throw malformed(index + 2, "\(allNames[index]) has \(value.count) bytes, not \(count)") }
            return value
        }
        guard VaultHex.isHex(values[0], count: 32) else { throw malformed(2, "the notebook id is not 32 lowercase hex digits") }
        guard VaultHex.isHex(values[1], count: 16) else { throw malformed(3, "the key id is not 16 lowercase hex digits") }
        let cost: ScryptCost
        do {
            cost = try ScryptCost(logN: integer(2), blockSize: integer(3), parallelism: integer(4))
        } catch {
            guard case let .malformed(_, nil, reason) = error else { throw error }
            // The cost's three lines: name the first.
            throw malformed(4, reason)
        }
        self.init(notebookID: values[0], keyID: values[1], cost: cost, salt: try bytes(5, count: Self.saltByteCount),
                  sealed: try bytes(6, count: Self.sealedByteCount))
    }
}
