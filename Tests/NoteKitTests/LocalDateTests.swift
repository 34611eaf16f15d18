import Foundation
import Testing
@testable import NoteKit

/// Calendar arithmetic, checked against Foundation's calendars as an independent oracle.
@Suite struct LocalDateTests {
    @Test func parsing() {
        #expect(LocalDate("2026-11-22") == LocalDate(year: 2026, month: 11, day: 22))
        #expect(LocalDate("2024-02-29")?.day == 29)
        for bad in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-05", "2026/11/22", "20261122",
                    "2026-11-22T10:00", "abcd-ef-gh", "", "0000-01-01", "1900-02-29", "+026-11-22", " 2026-11-2"] {
            #expect(LocalDate(bad) == nil, "\(bad)")
        }
        #expect(LocalDate("2000-02-29") != nil)
        #expect(LocalDate(year: 2026, month: 11, day: 22)?.description == "2026-11-22")
        #expect(LocalDate(year: 33, month: 1, day: 2)?.description == "0033-01-02")
    }

    @Test func ordering() throws {
        let a = try #require(LocalDate("2025-12-31")), b = try #require(LocalDate("2026-01-01"))
        #expect(a < b)
        #expect(!(b < a))
        #expect(a.adding(days: 1) == b)
        #expect(b.adding(days: -1) == a)
        #expect(try #require(LocalDate("2024-02-28")).adding(days: 1) == LocalDate("2024-02-29"))
        #expect(try #require(LocalDate("2023-02-28")).adding(days: 1) == LocalDate("2023-03-01"))
    }

    @Test func dayNumberKnownValues() {
        #expect(LocalDate(year: 1970, month: 1, day: 1)?.dayNumber == 0)
        #expect(LocalDate(year: 1969, month: 12, day: 31)?.dayNumber == -1)
        #expect(LocalDate(year: 2000, month: 3, day: 1)?.dayNumber == 11_017)
        #expect(LocalDate(dayNumber: 20_414) == LocalDate(year: 2025, month: 11, day: 22))
    }

    @Test func dayNumberMatchesFoundationAndRoundTrips() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let epoch = try #require(calendar.date(from: DateComponents(year: 1970, month: 1, day: 1)))
        // Foundation switches to the Julian calendar before 1582, so compare from 1600 on.
        for year in stride(from: 1600, through: 9999, by: 7) {
            for (month, day) in [(1, 1), (2, 28), (3, 1), (6, 15), (12, 31)] {
                let date = try #require(LocalDate(year: year, month: month, day: day))
                let foundation = try #require(calendar.date(from: DateComponents(year: year, month: month, day: day)))
                let expected = try #require(calendar.dateComponents([.day], from: epoch, to: foundation).day)
                #expect(date.dayNumber == expected, "\(date)")
                #expect(LocalDate(dayNumber: date.dayNumber) == date)
            }
        }
        // Every day of a few centuries round-trips and consecutive days differ by one.
        var previous = try #require(LocalDate(year: 1, month: 1, day: 1)).dayNumber - 1
        for year in [1, 2, 99, 100, 400, 1582, 1900, 1969, 1970, 2000, 2024, 2100, 9999] {
            previous = try #require(LocalDate(year: year, month: 1, day: 1)).dayNumber - 1
            for month in 1...12 {
                for day in 1...31 {
                    guard let date = LocalDate(year: year, month: month, day: day) else { continue }
                    #expect(date.dayNumber == previous + 1, "\(date)")
                    #expect(LocalDate(dayNumber: date.dayNumber) == date)
                    previous = date.dayNumber
                }
            }
        }
    }

    @Test func isoWeeks() throws {
        #expect(try #require(LocalDate("2026-11-22")).isoWeekName == "2026-W47")
        #expect(try #require(LocalDate("2021-01-03")).isoWeekName == "2020-W53")
        #expect(try #require(LocalDate("2021-01-04")).isoWeekName == "2021-W01")
        #expect(try #require(LocalDate("2024-12-30")).isoWeekName == "2025-W01")
        #expect(try #require(LocalDate("2026-01-01")).isoWeekName == "2026-W01")
        #expect(try #require(LocalDate("2026-11-22")).isoWeekday == 7)
        #expect(try #require(LocalDate("2026-11-23")).isoWeekday == 1)
    }

    @Test func isoWeeksMatchFoundation() throws {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var date = try #require(LocalDate("1998-12-20"))
        let end = try #require(LocalDate("2041-01-10"))
        while date <= end {
            let foundation = try #require(calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)))
            let parts = calendar.dateComponents([.weekOfYear, .yearForWeekOfYear, .weekday], from: foundation)
            #expect(date.isoWeek.year == parts.yearForWeekOfYear, "\(date)")
            #expect(date.isoWeek.week == parts.weekOfYear, "\(date)")
            // Foundation numbers Sunday 1; ISO numbers Monday 1.
            #expect(date.isoWeekday == ((parts.weekday! + 5) % 7) + 1, "\(date)")
            date = date.adding(days: 1)
        }
    }

    @Test func codable() throws {
        let date = try #require(LocalDate("2026-11-22"))
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-11-22\"]")
        #expect(try JSONDecoder().decode([LocalDate].self, from: data) == [date])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([LocalDate].self, from: Data("[\"2026-02-30\"]".utf8)) }
    }

    @Test(arguments: [
        ("2026-02-30", "2026-02-30 is not a date: February 2026 has 28 days"),
        ("2026-02-29", "2026-02-29 is not a date: February 2026 has 28 days"),
        ("2024-02-30", "2024-02-30 is not a date: February 2024 has 29 days"),
        ("1900-02-29", "1900-02-29 is not a date: February 1900 has 28 days"),
        ("2026-04-31", "2026-04-31 is not a date: April 2026 has 30 days"),
        ("2026-11-00", "2026-11-00 is not a date: days start at 01"),
        ("2026-13-01", "2026-13-01 is not a date: there is no month 13 (months are 01 to 12)"),
        ("2026-00-10", "2026-00-10 is not a date: there is no month 0 (months are 01 to 12)"),
        ("0000-01-01", "0000-01-01 is not a date: years start at 0001"),
        ("2026-1-05", "2026-1-05 is not a date like 2026-11-22 (YYYY-MM-DD)"),
        ("yesterday-ish", "yesterday-ish is not a date like 2026-11-22 (YYYY-MM-DD)"),
    ])
    func aDayThatDoesNotExistIsCalledThat(text: String, message: String) {
        #expect(LocalDate.problem(with: text) == message)
        #expect(LocalDate(text) == nil)
    }

    /// `problem(with:)` and `init` agree on every date-shaped text: nil exactly for real days.
    @Test func problemAgreesWithParsing() {
        for year in [1, 1900, 2000, 2024, 2026, 9999] {
            for month in 0...13 {
                for day in 0...32 {
                    let text = String(format: "%04d-%02d-%02d", year, month, day)
                    #expect(LocalDate.isDateShaped(text))
                    #expect((LocalDate.problem(with: text) == nil) == (LocalDate(text) != nil), "\(text)")
                }
            }
        }
        for text in ["2026-11-2", "2026/11/22", "2026-11-22T10:00", "２０２６-11-22", "abcd-ef-gh"] {
            #expect(!LocalDate.isDateShaped(text), "\(text)")
        }
    }

    @Test func weekdayNames() throws {
        #expect(try #require(LocalDate("2026-11-20")).weekdayName == "Friday")
        #expect(try #require(LocalDate("2026-11-22")).weekdayName == "Sunday")
        #expect(try #require(LocalDate("2026-11-23")).weekdayName == "Monday")
    }
}
