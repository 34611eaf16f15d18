import Foundation
import Testing
@testable import VaultKit

struct KeyEnvelopeTests {
    let key = VaultKey.generate()

    @Test func aKeyWrappedWithAPassphraseUnwrapsWithIt() throws {
        let envelope = try KeyEnvelope.wrap(key, passphrase: "correct horse battery staple", cost: VaultFixture.cheap)
        #expect(envelope.notebookID == key.notebookID)
        #expect(envelope.keyID == key.keyID)
        #expect(envelope.cost == VaultFixture.cheap)
        #expect(try envelope.unwrap(passphrase: "correct horse battery staple") == key)
        // Through its text, as another device reads it from the carrier.
        let read = try KeyEnvelope(decoding: envelope.encoded())
        #expect(read == envelope)
        #expect(try read.unwrap(passphrase: "correct horse battery staple") == key)
    }

    @Test func theStandardCostRoundTrips() throws {
        let envelope = try KeyEnvelope.wrap(key, passphrase: "päßword ✓")
        #expect(envelope.cost == .standard)
        let read = try KeyEnvelope(decoding: envelope.encoded())
        #expect(read.cost == ScryptCost.standard)
        #expect(try read.unwrap(passphrase: "päßword ✓") == key)
        #expect(throws: VaultError.wrongPassphrase) { try read.unwrap(passphrase: "päßword ✗") }
    }

    @Test func aWrongPassphraseIsRefused() throws {
        let envelope = try KeyEnvelope.wrap(key, passphrase: "one", cost: VaultFixture.cheap)
        #expect(throws: VaultError.wrongPassphrase) { try envelope.unwrap(passphrase: "two") }
        #expect(throws: VaultError.wrongPassphrase) { try envelope.unwrap(passphrase: "one ") }
        #expect(throws: VaultError.wrongPassphrase) { try envelope.unwrap(passphrase: "One") }
    }

    @Test func anEmptyPassphraseIsRefused() throws {
        #expect(throws: VaultError.emptyPassphrase) { try KeyEnvelope.wrap(key, passphrase: "", cost: VaultFixture.cheap) }
        let envelope = try KeyEnvelope.wrap(key, passphrase: "x", cost: VaultFixture.cheap)
        #expect(throws: VaultError.emptyPassphrase) { try envelope.unwrap(passphrase: "") }
    }

    /// A passphrase typed with a precomposed letter on one device and a combining mark on another
    /// opens the same envelope.
    @Test func thePassphraseIsComparedInCanonicalForm() throws {
        let precomposed = "caf\u{e9}"
        let combining = "cafe\u{301}"
        #expect(Array(precomposed.utf8) != Array(combining.utf8))
        let envelope = try KeyEnvelope.wrap(key, passphrase: precomposed, cost: VaultFixture.cheap)
        #expect(try envelope.unwrap(passphrase: combining) == key)
    }

    /// Each wrap has its own salt and nonce: the same key and passphrase never give the same
    /// envelope, so the host cannot tell that a passphrase was set back to an earlier one.
    @Test func twoWrapsDiffer() throws {
        let first = try KeyEnvelope.wrap(key, passphrase: "same", cost: VaultFixture.cheap)
        let second = try KeyEnvelope.wrap(key, passphrase: "same", cost: VaultFixture.cheap)
        #expect(first.salt != second.salt)
        #expect(first.sealed != second.sealed)
        #expect(first.encoded() != second.encoded())
    }

    @Test func theTextHoldsNeitherThePassphraseNorTheKey() throws {
        let passphrase = "distinctive-passphrase-4711"
        let envelope = try KeyEnvelope.wrap(key, passphrase: passphrase, cost: VaultFixture.cheap)
        let text = try #require(String(data: envelope.encoded(), encoding: .utf8))
        #expect(text.hasPrefix("hearth-encrypted-key 1\nnotebook: \(key.notebookID)\nkey-id: \(key.keyID)\n"))
        #expect(!text.contains(passphrase))
        #expect(!text.contains(key.bytes.base64EncodedString()))
        #expect(!text.contains(key.bytes.map { String(format: "%02x", $0) }.joined()))
        #expect(envelope.encoded().range(of: key.bytes) == nil)
    }

    /// Every byte of the sealed key altered, one at a time, with every bit pattern tried on a
    /// sample: the envelope does not open. The derived key is computed once, as scrypt would be
    /// the same for each.
    @Test func everyFlippedByteOfTheSealedKeyIsRefused() throws {
        let envelope = try KeyEnvelope.wrap(key, passphrase: "flip", cost: VaultFixture.cheap)
        let wrapping = try KeyEnvelope.derive(passphrase: "flip", salt: envelope.salt, cost: envelope.cost)
        #expect(try envelope.unwrap(using: wrapping) == key)
        #expect(envelope.sealed.count == 60)
        for index in envelope.sealed.indices {
            for mask: UInt8 in [0x01, 0x80, 0xff] {
                let altered = KeyEnvelope(notebookID: envelope.notebookID, keyID: envelope.keyID, cost: envelope.cost, salt: envelope.salt,
                                          sealed: VaultFixture.flipped(envelope.sealed, at: index, mask: mask))
                #expect(throws: VaultError.wrongPassphrase, "byte \(index) ^ \(mask)") { try altered.unwrap(using: wrapping) }
            }
        }
    }

    /// The header is authenticated: another notebook id or key id in front of an authentic
    /// sealed key does not open (the salt and cost change the derived key anyway).
    @Test func anAlteredHeaderIsRefused() throws {
        let envelope = try KeyEnvelope.wrap(key, passphrase: "header", cost: VaultFixture.cheap)
        let wrapping = try KeyEnvelope.derive(passphrase: "header", salt: envelope.salt, cost: envelope.cost)
        let other = VaultKey.generate()
        let otherNotebook = KeyEnvelope(notebookID: other.notebookID, keyID: envelope.keyID, cost: envelope.cost, salt: envelope.salt, sealed: envelope.sealed)
        #expect(throws: VaultError.wrongPassphrase) { try otherNotebook.unwrap(using: wrapping) }
        let otherKeyID = KeyEnvelope(notebookID: envelope.notebookID, keyID: other.keyID, cost: envelope.cost, salt: envelope.salt, sealed: envelope.sealed)
        #expect(throws: VaultError.wrongPassphrase) { try otherKeyID.unwrap(using: wrapping) }
        let otherCost = try KeyEnvelope(notebookID: envelope.notebookID, keyID: envelope.keyID,
                                        cost: ScryptCost(logN: 15, blockSize: 1, parallelism: 1), salt: envelope.salt, sealed: envelope.sealed)
        #expect(throws: VaultError.wrongPassphrase) { try otherCost.unwrap(using: wrapping) }
        // Through the text too: each character of the salt and of the sealed key replaced.
        let text = try #require(String(data: envelope.encoded(), encoding: .utf8))
        let lines = text.split(separator: "\n").map(String.init)
        for lineIndex in [6, 7] {
            let line = lines[lineIndex]
            let valueStart = try #require(line.firstIndex(of: " ")).utf16Offset(in: line) + 1
            for offset in stride(from: valueStart, to: line.utf8.count, by: 7) {
                var characters = Array(line)
                characters[offset] = characters[offset] == "A" ? "B" : "A"
                var altered = lines
                altered[lineIndex] = String(characters)
                let data = Data((altered.joined(separator: "\n") + "\n").utf8)
                // Either the base64 no longer decodes to the right length, or it does and fails to open.
                #expect(throws: VaultError.self, "line \(lineIndex + 1), character \(offset)") {
                    try KeyEnvelope(decoding: data).unwrap(passphrase: "header")
                }
            }
        }
    }

    @Test func decodingRefusesACostOutsideTheBounds() throws {
        let envelope = try KeyEnvelope.wrap(key, passphrase: "cost", cost: VaultFixture.cheap)
        let text = try #require(String(data: envelope.encoded(), encoding: .utf8))
        for (line, value) in [("scrypt-log-n: 14", "scrypt-log-n: 13"), ("scrypt-log-n: 14", "scrypt-log-n: 23"),
                              ("scrypt-log-n: 14", "scrypt-log-n: 64"), ("scrypt-log-n: 14", "scrypt-log-n: -1"),
                              ("scrypt-r: 1", "scrypt-r: 0"), ("scrypt-r: 1", "scrypt-r: 33"),
                              ("scrypt-p: 1", "scrypt-p: 0"), ("scrypt-p: 1", "scrypt-p: 17"),
                              ("scrypt-log-n: 14\nscrypt-r: 1", "scrypt-log-n: 22\nscrypt-r: 32")] {
            let data = Data(text.replacingOccurrences(of: line, with: value).utf8)
            let error = VaultFixture.error { () throws(VaultError) in try KeyEnvelope(decoding: data) }
            guard case let .malformed(file, line, reason)? = error else {
                Issue.record("\(value): \(String(describing: error))")
                continue
            }
            #expect(file == "key")
            #expect(line == 4, "\(reason)")
            #expect(reason.contains("scrypt"), "\(reason)")
        }
        // The largest accepted cost reads back (it is not derived here: that takes a second and 1 GiB).
        let large = text.replacingOccurrences(of: "scrypt-log-n: 14\nscrypt-r: 1", with: "scrypt-log-n: 20\nscrypt-r: 8")
        #expect(try KeyEnvelope(decoding: Data(large.utf8)).cost == ScryptCost(logN: 20, blockSize: 8, parallelism: 1))
    }

    @Test func decodingRefusesOtherFormatsNamingTheLine() throws {
        let envelope = try KeyEnvelope.wrap(key, passphrase: "format", cost: VaultFixture.cheap)
        let text = try #require(String(data: envelope.encoded(), encoding: .utf8))
        let cases: [(String, Int?)] = [
            (text.replacingOccurrences(of: "hearth-encrypted-key 1", with: "hearth-encrypted-key 2"), 1),
            (text.replacingOccurrences(of: "notebook: ", with: "notebook: X"), 2),
            (text.replacingOccurrences(of: "key-id: ", with: "key-ID: "), 3),
            (text.replacingOccurrences(of: "salt: ", with: "salt: ="), 7),
            (text + "extra: line\n", 9),
            (text.replacingOccurrences(of: "\n", with: "\r\n"), 1),
            ("", 1),
        ]
        for (altered, expectedLine) in cases {
            let error = VaultFixture.error { () throws(VaultError) in try KeyEnvelope(decoding: Data(altered.utf8)) }
            guard case let .malformed(file, line, _)? = error else {
                Issue.record("\(altered): \(String(describing: error))")
                continue
            }
            #expect(file == "key")
            #expect(line == expectedLine, "\(altered)")
        }
        #expect(throws: VaultError.self) { try KeyEnvelope(decoding: Data([0xff, 0xfe, 0x00])) }
    }

    /// Every prefix of the envelope's text is refused without a crash.
    @Test func aTruncatedEnvelopeIsRefused() throws {
        let data = try KeyEnvelope.wrap(key, passphrase: "cut", cost: VaultFixture.cheap).encoded()
        for count in 0..<data.count - 1 {
            #expect(throws: VaultError.self, "\(count) bytes") { try KeyEnvelope(decoding: data.prefix(count)) }
        }
        // Without its final newline it is still the whole envelope.
        #expect(try KeyEnvelope(decoding: data.prefix(data.count - 1)).unwrap(passphrase: "cut") == key)
    }
}
