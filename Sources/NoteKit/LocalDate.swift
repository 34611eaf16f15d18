import Foundation

/// A calendar day with no time and no time zone, as journal entries name them (`2026-11-22`).
///
/// Entries are about days a person lived, not instants, so comparisons and arithmetic happen on
/// the proleptic Gregorian calendar and never shift across time zones.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The year, e.g. 2026.
    public let year: Int
    /// The month, 1-12.
    public let month: Int
    /// The day of the month, 1-31.
    public let day: Int

    /// Creates a date when the components name a real day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; anything else (times, other separators) is nil.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Why `text` is not a `YYYY-MM-DD` date, said so a person sees the mistake
    /// (`2026-02-30 is not a date: February 2026 has 28 days`); nil when it is one.
    ///
    /// Every place that takes a date from a person (arguments, options, `HEARTH_TODAY`, values)
    /// reports its refusal with this text, so a day that does not exist is called that, not "not
    /// found" or "not like 2026-11-22".
    public static func problem(with text: some StringProtocol) -> String? {
        guard isDateShaped(text) else { return "\(text) is not a date like 2026-11-22 (YYYY-MM-DD)" }
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1]) - 48 } }
        let year = number(0..<4), month = number(5..<7), day = number(8..<10)
        if year == 0 { return "\(text) is not a date: years start at 0001" }
        guard (1...12).contains(month) else { return "\(text) is not a date: there is no month \(month) (months are 01 to 12)" }
        if day == 0 { return "\(text) is not a date: days start at 01" }
        let days = daysIn(month: month, year: year)
        guard day <= days else {
            return "\(text) is not a date: \(monthNames[month - 1]) \(year) has \(days) days"
        }
        return nil
    }

    /// Whether `text` has the shape of a date (`NNNN-NN-NN`) whether or not the day exists: such
    /// a text that names no entry was meant as a day, so its mistake is worth naming.
    public static func isDateShaped(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && bytes.indices.allSatisfy { index in
            index == 4 || index == 7 ? bytes[index] == UInt8(ascii: "-") : (48...57).contains(bytes[index])
        }
    }

    /// The weekday's English name (ISO: 1 is Monday).
    public var weekdayName: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][isoWeekday - 1]
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]

    /// A day before any journal entry, for comparisons with entries that have no date.
    public static let distantPast = LocalDate(year: 1, month: 1, day: 1)!

    /// Today in the given time zone (the user's, by default).
    public static func today(in timeZone: TimeZone = .current, now: Date = Date()) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m + "-" + d
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days since 1970-01-01 (negative before), for arithmetic without Foundation calendars.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (ISO 4).
        let value = (dayNumber + 3) % 7
        return (value < 0 ? value + 7 : value) + 1
    }

    /// The ISO 8601 week this day belongs to, as (week-based year, week number).
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - isoWeekday)
        let firstOfYear = LocalDate(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, (thursday.dayNumber - firstOfYear.dayNumber) / 7 + 1)
    }

    /// The week's name as entries use it, e.g. `2026-W47`.
    public var isoWeekName: String {
        let (year, week) = isoWeek
        return "\(year)-W" + (week < 10 ? "0\(week)" : "\(week)")
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
