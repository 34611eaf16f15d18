import GitKit
import Testing

/// Parsing and printing object ids.
struct ObjectIDTests {
    @Test func hexRoundTrip() throws {
        let hex = "0123456789abcdef0123456789abcdef01234567"
        let id = try #require(ObjectID(hex: hex))
        #expect(id.description == hex)
        #expect(ObjectID(hex: hex.uppercased()) == id)
        #expect(id.bytes.count == 20)
        #expect(id.bytes.first == 0x01)
        #expect(ObjectID(bytes: id.bytes) == id)
        #expect(ObjectID.zero.description == String(repeating: "0", count: 40))
    }

    @Test(arguments: ["", "abc", String(repeating: "g", count: 40), String(repeating: "a", count: 41)])
    func invalidHexIsRejected(_ text: String) {
        #expect(ObjectID(hex: text) == nil)
    }
}
