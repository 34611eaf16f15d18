import Foundation
import Testing
@testable import VaultKit

struct VaultSealTests {
    let key = VaultKey.generate()
    var seal: VaultSeal { VaultSeal(key: key) }

    /// Bytes that look like a git pack, with a distinctive string inside.
    static let pack = Data("PACK\u{0}\u{0}\u{0}\u{2}".utf8) + Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }) + Data("secret entry text".utf8)

    @Test func aManifestRoundTrips() throws {
        let manifest = VaultFixture.manifest(key)
        let sealed = try seal.sealManifest(manifest)
        #expect(sealed.prefix(11) == Data("HEARTHENC".utf8) + [1, 1])
        #expect(try seal.openManifest(sealed) == manifest)
        // Another VaultSeal made from the same key (another process) opens it too.
        #expect(try VaultSeal(key: key).openManifest(sealed) == manifest)
        #expect(sealed.range(of: Data("refs/heads".utf8)) == nil, "the sealed manifest shows its references in the clear")
        #expect(sealed.range(of: Data(manifest.notebookID.utf8)) == nil)
    }

    @Test func aPackRoundTrips() throws {
        let name = VaultPack.newName()
        let sealed = try seal.sealPack(Self.pack, name: name)
        #expect(sealed.prefix(11) == Data("HEARTHENC".utf8) + [1, 2])
        #expect(sealed.count == Self.pack.count + 11 + 28)
        #expect(sealed.range(of: Data("secret entry text".utf8)) == nil)
        let entry = VaultPack(name: name, size: sealed.count, sha256: VaultSeal.digest(sealed), tips: [VaultFixture.commit("c")])
        #expect(try seal.openPack(sealed, name: name, expected: entry) == Self.pack)
        // An empty pack too.
        let empty = try seal.sealPack(Data(), name: name)
        #expect(try seal.openPack(empty, name: name, expected: VaultPack(name: name, size: empty.count, sha256: VaultSeal.digest(empty), tips: [])).isEmpty)
    }

    @Test func theDigestIsTheSealedBytesSHA256() {
        #expect(VaultSeal.digest(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(VaultSeal.digest(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func everyFlippedByteOfASealedManifestIsRefused() throws {
        let sealed = try seal.sealManifest(VaultFixture.manifest(key))
        for index in sealed.indices {
            for mask: UInt8 in [0x01, 0x80] {
                #expect(throws: VaultError.self, "byte \(index) ^ \(mask)") { try seal.openManifest(VaultFixture.flipped(sealed, at: index, mask: mask)) }
            }
        }
        // The ciphertext and tag: refused as not authentic (the header's version byte says more).
        for index in 11..<sealed.count {
            #expect(throws: VaultError.notAuthentic(file: "manifest")) { try seal.openManifest(VaultFixture.flipped(sealed, at: index)) }
        }
    }

    /// Sampled positions of a 5 KB pack: the magic, the version and kind bytes, the nonce, the
    /// ciphertext and the tag. With the manifest's digest fixed, a flipped byte is a digest
    /// mismatch; with a digest of the altered bytes (a host that also rewrote the manifest
    /// entry, which it cannot, or a caller that skipped it) the seal still refuses it.
    @Test func flippedBytesOfASealedPackAreRefused() throws {
        let name = VaultPack.newName()
        let sealed = try seal.sealPack(Self.pack, name: name)
        let entry = VaultPack(name: name, size: sealed.count, sha256: VaultSeal.digest(sealed), tips: [])
        let positions = [0, 4, 8, 9, 10, 11, 15, 22, 23, 24, 100, 2500, sealed.count - 17, sealed.count - 16, sealed.count - 8, sealed.count - 1]
        for index in positions {
            let altered = VaultFixture.flipped(sealed, at: index)
            #expect(throws: VaultError.packMismatch(name: name, reason: "its SHA-256 is not the one the manifest lists"), "byte \(index)") {
                try seal.openPack(altered, name: name, expected: entry)
            }
            let rewritten = VaultPack(name: name, size: altered.count, sha256: VaultSeal.digest(altered), tips: [])
            #expect(throws: VaultError.self, "byte \(index)") { try seal.openPack(altered, name: name, expected: rewritten) }
        }
        for index in positions where index >= 11 {
            let altered = VaultFixture.flipped(sealed, at: index)
            let rewritten = VaultPack(name: name, size: altered.count, sha256: VaultSeal.digest(altered), tips: [])
            #expect(throws: VaultError.notAuthentic(file: "packs/\(name)")) { try seal.openPack(altered, name: name, expected: rewritten) }
        }
    }

    @Test func truncatedInputsAreRefused() throws {
        let manifest = try seal.sealManifest(VaultFixture.manifest(key))
        for count in 0..<manifest.count {
            #expect(throws: VaultError.self, "\(count) bytes") { try seal.openManifest(manifest.prefix(count)) }
        }
        let name = VaultPack.newName()
        let pack = try seal.sealPack(Self.pack, name: name)
        for count in [0, 1, 10, 11, 22, 38, 39, 40, 1000, pack.count - 16, pack.count - 1] {
            let cut = pack.prefix(count)
            #expect(throws: VaultError.packMismatch(name: name, reason: "\(count) bytes, the manifest says \(pack.count)")) {
                try seal.openPack(cut, name: name, expected: VaultPack(name: name, size: pack.count, sha256: VaultSeal.digest(pack), tips: []))
            }
            // A manifest entry that matched the cut file (a writer that sealed nothing whole) still fails the seal.
            #expect(throws: VaultError.self) {
                try seal.openPack(cut, name: name, expected: VaultPack(name: name, size: cut.count, sha256: VaultSeal.digest(cut), tips: []))
            }
        }
    }

    @Test func aPackOpenedUnderAnotherNameIsRefused() throws {
        let name = VaultPack.newName()
        let other = VaultPack.newName()
        let sealed = try seal.sealPack(Self.pack, name: name)
        let entry = VaultPack(name: other, size: sealed.count, sha256: VaultSeal.digest(sealed), tips: [])
        #expect(throws: VaultError.notAuthentic(file: "packs/\(other)")) { try seal.openPack(sealed, name: other, expected: entry) }
        // The manifest's entry must be the file's.
        #expect(throws: VaultError.self) { try seal.openPack(sealed, name: name, expected: entry) }
        // A name that is not a pack name is refused before anything is read.
        #expect(throws: VaultError.self) { try seal.sealPack(Self.pack, name: "../manifest") }
        #expect(throws: VaultError.self) { try seal.sealPack(Self.pack, name: name.uppercased()) }
    }

    @Test func aPackAndAManifestCannotStandForEachOther() throws {
        let name = VaultPack.newName()
        let manifestSealed = try seal.sealManifest(VaultFixture.manifest(key))
        let packSealed = try seal.sealPack(Self.pack, name: name)
        #expect(throws: VaultError.notAuthentic(file: "manifest")) { try seal.openManifest(packSealed) }
        let entry = VaultPack(name: name, size: manifestSealed.count, sha256: VaultSeal.digest(manifestSealed), tips: [])
        #expect(throws: VaultError.notAuthentic(file: "packs/\(name)")) { try seal.openPack(manifestSealed, name: name, expected: entry) }
        // Even with the kind byte rewritten to the kind expected.
        var relabelled = packSealed
        relabelled[10] = 1
        #expect(throws: VaultError.notAuthentic(file: "manifest")) { try seal.openManifest(relabelled) }
    }

    @Test func aManifestSealedByAnotherNotebooksKeyIsNotAuthentic() throws {
        let other = VaultKey.generate()
        let sealed = try VaultSeal(key: other).sealManifest(VaultFixture.manifest(other))
        #expect(throws: VaultError.notAuthentic(file: "manifest")) { try seal.openManifest(sealed) }
        // The same notebook with another key (after a rekey) too.
        let rekeyed = VaultKey.generate(notebookID: key.notebookID)
        #expect(rekeyed.notebookID == key.notebookID)
        #expect(rekeyed.keyID != key.keyID)
        let sealedByRekeyed = try VaultSeal(key: rekeyed).sealManifest(VaultFixture.manifest(rekeyed))
        #expect(throws: VaultError.notAuthentic(file: "manifest")) { try seal.openManifest(sealedByRekeyed) }
        // The same key bytes under another notebook id: the notebook id is bound into the seal.
        let moved = VaultKey(notebookID: other.notebookID, key: key.key)
        let sealedMoved = try VaultSeal(key: moved).sealManifest(VaultFixture.manifest(key))
        #expect(throws: VaultError.notAuthentic(file: "manifest")) { try seal.openManifest(sealedMoved) }
    }

    @Test func aManifestOfAnotherNotebookUnderTheSameKeyIsRefused() throws {
        let other = VaultKey.generate()
        let sealed = try seal.sealManifest(VaultFixture.manifest(other))
        #expect(throws: VaultError.otherNotebook(expected: key.notebookID, found: other.notebookID)) { try seal.openManifest(sealed) }
    }

    /// An authentic manifest is still held to its form: pack names become file paths.
    @Test func anAuthenticManifestOfTheWrongFormIsMalformed() throws {
        var manifest = VaultFixture.manifest(key)
        manifest.packs[0].name = "../../escape"
        #expect(throws: VaultError.malformed(file: "manifest", line: nil, reason: "pack name ../../escape is not 32 lowercase hex digits")) {
            try seal.openManifest(seal.sealManifest(manifest))
        }
        var chained = VaultFixture.manifest(key)
        chained.sequence = 3
        #expect(throws: VaultError.self) { try seal.openManifest(seal.sealManifest(chained)) }
        var twice = VaultFixture.manifest(key)
        twice.packs.append(twice.packs[0])
        #expect(throws: VaultError.self) { try seal.openManifest(seal.sealManifest(twice)) }
        // Authentic bytes that are not JSON.
        let notJSON = try seal.seal(Data("not json".utf8), kind: .manifest, name: nil)
        #expect(throws: VaultError.self) { try seal.openManifest(notJSON) }
    }

    @Test func anotherFormatVersionIsNamed() throws {
        var sealed = try seal.sealManifest(VaultFixture.manifest(key))
        sealed[9] = 2
        #expect(throws: VaultError.malformed(file: "manifest", line: nil, reason: "sealed in format 2, this reads format 1")) {
            try seal.openManifest(sealed)
        }
    }

    /// The nonce is random for each seal: 1,000 seals of one plaintext have 1,000 nonces (and so
    /// 1,000 ciphertexts: the host cannot tell that two pushes carried the same bytes).
    @Test func noncesDifferAcrossSeals() throws {
        let manifest = VaultFixture.manifest(key)
        var nonces: Set<Data> = []
        var ciphertexts: Set<Data> = []
        for _ in 0..<1000 {
            let sealed = try seal.sealManifest(manifest)
            nonces.insert(sealed.subdata(in: 11..<23))
            ciphertexts.insert(sealed.dropFirst(23))
        }
        #expect(nonces.count == 1000)
        #expect(ciphertexts.count == 1000)
        let name = VaultPack.newName()
        var packNonces: Set<Data> = []
        for _ in 0..<100 { packNonces.insert(try seal.sealPack(Self.pack, name: name).subdata(in: 11..<23)) }
        #expect(packNonces.count == 100)
    }

    /// Manifests and packs are sealed with separate subkeys, neither of which is the notebook key.
    @Test func manifestsAndPacksHaveTheirOwnSubkeys() {
        let seal = self.seal
        #expect(seal.manifestKey != seal.packKey)
        #expect(seal.manifestKey != key.key)
        #expect(seal.packKey != key.key)
    }
}
