import Foundation
@testable import VaultKit

/// What the VaultKit tests share: a cheap scrypt cost, manifests, and byte flipping.
enum VaultFixture {
    /// The smallest cost the envelope accepts (log2 N 14) with r 1: scrypt in a few milliseconds,
    /// so tests can unwrap many times; one test uses `.standard`.
    static let cheap: ScryptCost = {
        do { return try ScryptCost(logN: 14, blockSize: 1, parallelism: 1) } catch { fatalError("\(error)") }
    }()

    /// A commit id made of one repeated digit.
    static func commit(_ digit: Character) -> String {
        String(repeating: digit, count: 40)
    }

    /// A manifest of `key`'s notebook at `sequence` after the manifest with digest `previous`.
    static func manifest(_ key: VaultKey, sequence: UInt64 = 0, previous: String? = nil, tip: Character = "a") -> VaultManifest {
        let pack = VaultPack(name: VaultPack.newName(), size: 1234, sha256: String(repeating: "0", count: 64), tips: [commit(tip)])
        return VaultManifest(notebookID: key.notebookID, sequence: sequence, previous: previous,
                             references: ["refs/heads/main": commit(tip), "refs/heads/notes": commit("b")], packs: [pack])
    }

    /// `data` with the byte at `index` XORed with 0x01 ... 0xff (`mask`).
    static func flipped(_ data: Data, at index: Int, mask: UInt8 = 0x01) -> Data {
        var copy = Data(data)
        copy[copy.startIndex + index] ^= mask
        return copy
    }

    /// A new empty temporary folder.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vaultkit-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The error `body` throws, or nil.
    static func error<T>(_ body: () throws(VaultError) -> T) -> VaultError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    /// Whether `error` is a ``VaultError/keyFile(path:reason:)``, whatever the system's reason.
    static func isKeyFileError(_ error: VaultError?) -> Bool {
        if case .keyFile? = error { return true }
        return false
    }
}
