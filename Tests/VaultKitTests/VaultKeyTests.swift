import Foundation
import Testing
@testable import VaultKit

struct VaultKeyTests {
    @Test func aNewKeyHasRandomIDsAndBytes() {
        let first = VaultKey.generate()
        let second = VaultKey.generate()
        #expect(first.notebookID.count == 32)
        #expect(first.keyID.count == 16)
        #expect(first.notebookID.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(first.keyID.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(first.bytes.count == 32)
        #expect(first.notebookID != second.notebookID)
        #expect(first.keyID != second.keyID)
        #expect(first != second)
        #expect(first == first)
        let sameNotebook = VaultKey.generate(notebookID: first.notebookID)
        #expect(sameNotebook.notebookID == first.notebookID)
        #expect(sameNotebook != first)
    }

    /// The key id is derived from the key, so the same bytes read back have the same id.
    @Test func theKeyIDFollowsTheKey() {
        let key = VaultKey.generate()
        let again = VaultKey(notebookID: key.notebookID, key: key.key)
        #expect(again.keyID == key.keyID)
        #expect(again == key)
        #expect(!key.bytes.map { String(format: "%02x", $0) }.joined().contains(key.keyID))
    }

    @Test func noDescriptionShowsTheKey() {
        let key = VaultKey.generate()
        let hex = key.bytes.map { String(format: "%02x", $0) }.joined()
        let base64 = key.bytes.base64EncodedString()
        var dumped = ""
        dump(key, to: &dumped)
        var dumpedInArray = ""
        dump([key], to: &dumpedInArray)
        let texts = [key.description, key.debugDescription, String(describing: key), String(reflecting: key), "\(key)",
                     dumped, dumpedInArray, String(describing: [key]), String(reflecting: Optional(key)), String(reflecting: Mirror(reflecting: key).children.map(\.value))]
        #expect(key.description == "VaultKey(\(key.keyID))")
        // Reflection (dump, debuggers, a generic logger) sees the two ids, never the key's storage.
        #expect(Mirror(reflecting: key).children.map(\.label) == ["notebookID", "keyID"])
        #expect(dumped.contains(key.keyID))
        for text in texts {
            #expect(!text.contains(hex), "\(text)")
            #expect(!text.lowercased().contains(hex.prefix(16)), "\(text)")
            #expect(!text.contains(base64), "\(text)")
            #expect(!text.contains(base64.prefix(16)), "\(text)")
        }
    }
}
