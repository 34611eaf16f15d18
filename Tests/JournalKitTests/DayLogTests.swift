import JournalKit
import NoteKit
import Testing

@Suite struct DayLogTests {
    @Test func jotLinesUseA24HourClock() {
        #expect(DayLog.jotLine("standup", hour: 14, minute: 5) == "- 14:05 standup")
        #expect(DayLog.jotLine("late", hour: 0, minute: 0) == "- 00:00 late")
        #expect(DayLog.jotLine("x", hour: 9, minute: 30) == "- 09:30 x")
    }

    @Test func doneLinesCheckTheCategory() throws {
        #expect(try DayLog.doneLine(category: "learn", text: "ISO weeks") == "- learn: ISO weeks")
        #expect(try DayLog.doneLine(category: "side-project", text: "x") == "- side-project: x")
        #expect(throws: JournalError.self) { try DayLog.doneLine(category: "Big Win", text: "x") }
        #expect(throws: JournalError.self) { try DayLog.doneLine(category: "", text: "x") }
    }
}

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
