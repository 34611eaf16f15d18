import Foundation
import Testing
@testable import NoteKit

/// Day phrases read without a clock and counted from a today the test names; weekdays checked
/// against Foundation's Gregorian calendar as an independent oracle.
@Suite struct RelativeDayTests {
    private func day(_ text: String) throws -> LocalDate { try #require(LocalDate(text)) }

    private func days(_ phrase: String, today: String) throws -> ClosedRange<LocalDate> {
        try RelativeDay(parsing: phrase).days(today: day(today))
    }

    @Test func everyFormIsRead() throws {
        let expected: [(String, RelativeDay)] = [
            ("2026-11-22", .date(try day("2026-11-22"))),
            ("today", .daysAgo(0)), ("yesterday", .daysAgo(1)), ("tomorrow", .tomorrow),
            ("3 days ago", .daysAgo(3)), ("1 day ago", .daysAgo(1)), ("1 days ago", .daysAgo(1)), ("a day ago", .daysAgo(1)),
            ("0 days ago", .daysAgo(0)), ("2 weeks ago", .daysAgo(14)), ("a week ago", .daysAgo(7)), ("1 week ago", .daysAgo(7)),
            ("monday", .weekday(1)), ("sunday", .weekday(7)), ("last monday", .weekday(1)), ("last friday", .weekday(5)),
            ("this week", .week(weeksAgo: 0)), ("last week", .week(weeksAgo: 1)),
            // Case and runs of spaces do not matter.
            ("Yesterday", .daysAgo(1)), ("  3   DAYS ago ", .daysAgo(3)), ("Last\tWeek", .week(weeksAgo: 1)), ("FRIDAY", .weekday(5)),
        ]
        for (text, phrase) in expected {
            #expect(try RelativeDay(parsing: text) == phrase, "\(text)")
        }
    }

    @Test func otherWordsAreUnknown() {
        for text in ["", " ", "tody", "yesterdy", "3 days", "days ago", "-3 days ago", "3 months ago", "three days ago",
                     "last", "next monday", "this monday", "last month", "lastweek", "mon", "3 days ago please", "2026-1-05", "2026/11/22", "2026-11-22T10:00"] {
            #expect(throws: RelativeDayError.unknown(text), "\(text)") { try RelativeDay(parsing: text) }
        }
        #expect(throws: RelativeDayError.notADate("2026-02-30")) { try RelativeDay(parsing: "2026-02-30") }
    }

    @Test func aCountBeyondTheLargestIsTooFarBackNotUnknown() throws {
        for text in ["100000 days ago", "123456 days ago", "14286 weeks ago", "20000 weeks ago", "  100000   DAYS ago",
                     "99999999999999999999999 days ago", "9223372036854775807 weeks ago"] {
            #expect(throws: RelativeDayError.tooFarBack(text), "\(text)") { try RelativeDay(parsing: text) }
        }
        // The largest counts themselves are read, leading zeros too.
        #expect(try RelativeDay(parsing: "99999 days ago") == .daysAgo(99_999))
        #expect(try RelativeDay(parsing: "14285 weeks ago") == .daysAgo(99_995))
        #expect(try RelativeDay(parsing: "000003 days ago") == .daysAgo(3))
        #expect(try RelativeDay(parsing: "0 days ago") == .daysAgo(0))
    }

    @Test func spacesAroundADateAreIgnored() throws {
        #expect(try RelativeDay(parsing: " 2026-11-22\t ") == .date(LocalDate(year: 2026, month: 11, day: 22)!))
        #expect(throws: RelativeDayError.notADate(" 2026-02-30 ")) { try RelativeDay(parsing: " 2026-02-30 ") }
    }

    @Test func daysCountBackFromToday() throws {
        // 2026-12-07 is a Monday.
        let today = "2026-12-07"
        #expect(try days("today", today: today) == day("2026-12-07")...day("2026-12-07"))
        #expect(try days("yesterday", today: today).lowerBound == day("2026-12-06"))
        #expect(try days("tomorrow", today: today).lowerBound == day("2026-12-08"))
        #expect(try days("10 days ago", today: today).lowerBound == day("2026-11-27"))
        #expect(try days("2 weeks ago", today: today).lowerBound == day("2026-11-23"))
        #expect(try days("2025-01-01", today: today).lowerBound == day("2025-01-01"))
        // A weekday is the last one before today: on a Monday, `monday` is a week ago.
        #expect(try days("monday", today: today).lowerBound == day("2026-11-30"))
        #expect(try days("last monday", today: today).lowerBound == day("2026-11-30"))
        #expect(try days("sunday", today: today).lowerBound == day("2026-12-06"))
        #expect(try days("tuesday", today: today).lowerBound == day("2026-12-01"))
    }

    @Test func weeksAreISOWeeksFromMondayToSunday() throws {
        // On a Monday, this week starts today.
        #expect(try days("this week", today: "2026-12-07") == day("2026-12-07")...day("2026-12-13"))
        #expect(try days("last week", today: "2026-12-07") == day("2026-11-30")...day("2026-12-06"))
        // On a Sunday, this week is the one ending today.
        #expect(try days("this week", today: "2026-12-06") == day("2026-11-30")...day("2026-12-06"))
        #expect(try days("last week", today: "2026-12-06") == day("2026-11-23")...day("2026-11-29"))
        #expect(try days("sunday", today: "2026-12-06").lowerBound == day("2026-11-29"))
    }

    @Test func monthAndYearBoundaries() throws {
        // 2027-01-01 is a Friday; its ISO week began on Monday 2026-12-28.
        #expect(try days("this week", today: "2027-01-01") == day("2026-12-28")...day("2027-01-03"))
        #expect(try days("last week", today: "2027-01-01") == day("2026-12-21")...day("2026-12-27"))
        #expect(try days("3 days ago", today: "2027-01-01").lowerBound == day("2026-12-29"))
        #expect(try days("thursday", today: "2027-01-01").lowerBound == day("2026-12-31"))
        #expect(try days("friday", today: "2027-01-01").lowerBound == day("2026-12-25"))
        #expect(try days("tomorrow", today: "2026-12-31").lowerBound == day("2027-01-01"))
        // A leap day is counted, and a month ends where it does.
        #expect(try days("yesterday", today: "2024-03-01").lowerBound == day("2024-02-29"))
        #expect(try days("yesterday", today: "2023-03-01").lowerBound == day("2023-02-28"))
        #expect(try days("2 weeks ago", today: "2024-03-01").lowerBound == day("2024-02-16"))
    }

    /// Every weekday and both weeks over two years of todays, against Foundation's calendar.
    @Test func weekdaysAndWeeksAgreeWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func foundationWeekday(_ date: LocalDate) -> Int {
            let components = DateComponents(year: date.year, month: date.month, day: date.day)
            let weekday = calendar.component(.weekday, from: calendar.date(from: components)!)  // 1 is Sunday
            return weekday == 1 ? 7 : weekday - 1
        }
        let start = try day("2026-01-01")
        for offset in 0..<730 {
            let today = start.adding(days: offset)
            for (index, name) in RelativeDay.weekdayNames.enumerated() {
                let found = try RelativeDay(parsing: name).days(today: today).lowerBound
                #expect(foundationWeekday(found) == index + 1, "\(name) from \(today)")
                #expect(found < today && found >= today.adding(days: -7), "\(name) from \(today)")
            }
            let week = try RelativeDay(parsing: "this week").days(today: today)
            #expect(foundationWeekday(week.lowerBound) == 1 && foundationWeekday(week.upperBound) == 7, "\(today)")
            #expect(week.contains(today) && week.upperBound.dayNumber - week.lowerBound.dayNumber == 6)
            let last = try RelativeDay(parsing: "last week").days(today: today)
            #expect(last.upperBound.adding(days: 1) == week.lowerBound && foundationWeekday(last.lowerBound) == 1, "\(today)")
        }
    }

    @Test func daysOutsideTheCalendarAreRefused() throws {
        #expect(throws: RelativeDayError.outOfRange(.daysAgo(5))) { try days("5 days ago", today: "0001-01-03") }
        #expect(throws: RelativeDayError.outOfRange(.tomorrow)) { try days("tomorrow", today: "9999-12-31") }
        #expect(try days("2 days ago", today: "0001-01-03").lowerBound == LocalDate.distantPast)
    }

    @Test func referencesNameDaysThatHaveBegun() throws {
        let today = try day("2026-12-07")
        #expect(Notebook.day(namedBy: "3 days ago", today: today) == (try day("2026-12-04")))
        #expect(Notebook.day(namedBy: "Monday", today: today) == (try day("2026-11-30")))
        for name in ["tomorrow", "last week", "this week", "notes", "days/2026/2026-12-07.md"] {
            #expect(Notebook.day(namedBy: name, today: today) == nil, "\(name)")
        }
    }
}
