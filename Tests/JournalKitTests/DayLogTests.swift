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
