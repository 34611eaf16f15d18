import JournalKit
import NoteKit
import Testing

@Suite struct DayLogTests {
    @Test func jotLinesUseA24HourClock() {
        #expect(DayLog.jotLine("standup", hour: 14, minute: 5) == "- 14:05 standup")
        #expect(DayLog.jotLine("late", hour: 0, minute: 0) == "- 00:00 late")
        #expect(DayLog.jotLine("x", hour: 9, minute: 30) == "- 09:30 x")
    }

    @Test func aJotWithoutATimeHasNone() {
        #expect(DayLog.jotLine("call with Ana") == "- call with Ana")
    }

    @Test func clockTimesAreHoursAndMinutesOnA24HourClock() {
        for (text, hour, minute) in [("14:05", 14, 5), ("9:05", 9, 5), ("09:05", 9, 5), ("00:00", 0, 0), ("23:59", 23, 59)] {
            let clock = DayLog.clockTime(text)
            #expect(clock?.hour == hour && clock?.minute == minute, "\(text)")
        }
        for text in ["24:00", "12:60", "1205", "12:5", "123:00", ":30", "12:", "12:30:00", "+1:30", "noon", "", "١٢:٣٠"] {
            #expect(DayLog.clockTime(text) == nil, "\(text)")
        }
    }

    @Test func doneLinesCheckTheCategory() throws {
        #expect(try DayLog.doneLine(category: "learn", text: "ISO weeks") == "- learn: ISO weeks")
        #expect(try DayLog.doneLine(category: "side-project", text: "x") == "- side-project: x")
        #expect(throws: JournalError.self) { try DayLog.doneLine(category: "Big Win", text: "x") }
        #expect(throws: JournalError.self) { try DayLog.doneLine(category: "", text: "x") }
    }
}
