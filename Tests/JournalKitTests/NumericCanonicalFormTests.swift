import JournalKit
import NoteKit
import Testing

@Suite struct NumericCanonicalFormTests {
    @Test func leadingZerosOnNumericKeysBecomeTheNumber() throws {
        #expect(try FieldValue.parse("03", key: "energy", kind: .day) == .plain("3"))
        #expect(try FieldValue.parse("07.5", key: "sleep_h", kind: .day) == .plain("7.5"))
        #expect(YAMLWriter.line(key: "energy", value: try FieldValue.parse("03", key: "energy", kind: .day)) == "energy: 3")
    }

    @Test func otherNumbersKeepTheirSpelling() throws {
        #expect(try FieldValue.parse("6.50", key: "sleep_h", kind: .day) == .plain("6.50"))
        #expect(try FieldValue.parse("0.5", key: "sleep_h", kind: .day) == .plain("0.5"))
        // An unknown key keeps leading zeros as text (a code, a zip code).
        #expect(YAMLWriter.line(key: "code", value: try FieldValue.parse("007", key: "code", kind: .day)) == "code: \"007\"")
    }
}
