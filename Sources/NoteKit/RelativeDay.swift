/// A day, or a week, as a person names it: `2026-11-22`, `today`, `yesterday`, `tomorrow`,
/// `3 days ago`, `2 weeks ago`, `monday`, `last monday`, `this week`, `last week`.
///
/// Parsing needs no clock: the phrase is read once, and ``days(today:)`` turns it into days
/// against whatever today the caller names, so the same phrase means the same days in a test
/// that pins today. Words are English and their case is ignored; runs of spaces count as one.
///
/// The rules, for every caller alike:
/// - a weekday (`monday`, or `last monday`) is the most recent one *before* today: on a Monday,
///   `monday` is a week ago, never today;
/// - weeks are ISO weeks, Monday to Sunday: `this week` is the Monday on or before today to the
///   Sunday after it, `last week` the seven days before that;
/// - `N days ago` and `N weeks ago` (`N` digits, or `a`) count back from today, so `1 week ago`
///   is the day seven days before today; `0 days ago` is today. Singular and plural are both read.
public enum RelativeDay: Hashable, Sendable {
    /// A `YYYY-MM-DD` date.
    case date(LocalDate)
    /// `today` (0), `yesterday` (1), `N days ago`, `N weeks ago` (7N): that many days before today.
    case daysAgo(Int)
    /// `tomorrow`: the one future day a phrase names.
    case tomorrow
    /// `monday` or `last monday` (ISO weekday 1 to 7): the most recent one before today.
    case weekday(Int)
    /// `this week` (0) or `last week` (1): the ISO week (Monday to Sunday) that many weeks before today's.
    case week(weeksAgo: Int)

    /// The largest `N` of `N days ago` (about 270 years): a number beyond is a typing mistake.
    public static let largestCount = 99_999

    /// The English weekday names, Monday first (ISO order).
    public static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Every word a phrase may use, for suggesting the nearest when a word is mistyped.
    public static let words = ["today", "yesterday", "tomorrow", "last", "this", "week", "weeks", "day", "days", "ago"]
        + weekdayNames

    /// Reads `text`.
    ///
    /// - Throws: ``RelativeDayError/notADate(_:)`` for a `YYYY-MM-DD` text whose day does not
    ///   exist, ``RelativeDayError/tooFarBack(_:)`` for `N days ago` or `N weeks ago` beyond
    ///   ``largestCount`` days, ``RelativeDayError/unknown(_:)`` for anything else that is not a
    ///   phrase above.
    public init(parsing text: some StringProtocol) throws(RelativeDayError) {
        let original = String(text)
        // Spaces around a date count for nothing, as they do around the words of a phrase.
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        let trimmed = original.drop(while: isBlank).reversed().drop(while: isBlank).reversed()
        if let date = LocalDate(String(trimmed)) {
            self = .date(date)
            return
        }
        if LocalDate.isDateShaped(String(trimmed)) { throw .notADate(original) }
        let words = original.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        // `100000 days ago` is a phrase hearth reads, only too far back: say that, not "unknown".
        if RelativeDay.countsTooFarBack(words) { throw .tooFarBack(original) }
        guard let phrase = RelativeDay(words: words) else { throw .unknown(original) }
        self = phrase
    }

    private init?(words: [String]) {
        switch words.count {
        case 1:
            switch words[0] {
            case "today": self = .daysAgo(0)
            case "yesterday": self = .daysAgo(1)
            case "tomorrow": self = .tomorrow
            default:
                guard let index = RelativeDay.weekdayNames.firstIndex(of: words[0]) else { return nil }
                self = .weekday(index + 1)
            }
        case 2:
            switch (words[0], words[1]) {
            case ("this", "week"): self = .week(weeksAgo: 0)
            case ("last", "week"): self = .week(weeksAgo: 1)
            case ("last", let name):
                guard let index = RelativeDay.weekdayNames.firstIndex(of: name) else { return nil }
                self = .weekday(index + 1)
            default: return nil
            }
        case 3:
            guard words[2] == "ago", let count = RelativeDay.count(words[0]) else { return nil }
            switch words[1] {
            case "day", "days": self = .daysAgo(count)
            case "week", "weeks": self = .daysAgo(count * 7)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// `a`, or digits (``countsTooFarBack(_:)`` has refused a count beyond ``largestCount``).
    private static func count(_ word: String) -> Int? {
        if word == "a" { return 1 }
        guard isDigits(word) else { return nil }
        return Int(word)
    }

    /// Whether `words` are `N days ago` or `N weeks ago` with more than ``largestCount`` days in them.
    private static func countsTooFarBack(_ words: [String]) -> Bool {
        guard words.count == 3, words[2] == "ago", isDigits(words[0]),
              let perUnit = ["day": 1, "days": 1, "week": 7, "weeks": 7][words[1]] else { return false }
        // Twenty digits do not fit an Int: they are too many days all the same.
        guard let count = Int(words[0]) else { return true }
        let days = count.multipliedReportingOverflow(by: perUnit)
        return days.overflow || days.partialValue > largestCount
    }

    private static func isDigits(_ word: String) -> Bool {
        !word.isEmpty && word.utf8.allSatisfy { (48...57).contains($0) }
    }

    /// Whether the phrase names a week rather than one day.
    public var isRange: Bool {
        if case .week = self { return true }
        return false
    }

    /// The days the phrase names when today is `today`: one day, or a week from Monday to Sunday.
    ///
    /// - Throws: ``RelativeDayError/outOfRange(_:)`` when counting back (or on) leaves the years
    ///   0001 to 9999.
    public func days(today: LocalDate) throws(RelativeDayError) -> ClosedRange<LocalDate> {
        let first: Int, last: Int
        switch self {
        case .date(let date): return date...date
        case .daysAgo(let count): first = today.dayNumber - count; last = first
        case .tomorrow: first = today.dayNumber + 1; last = first
        case .weekday(let weekday):
            let back = (today.isoWeekday - weekday + 7) % 7
            first = today.dayNumber - (back == 0 ? 7 : back); last = first
        case .week(let weeksAgo):
            first = today.dayNumber - (today.isoWeekday - 1) - 7 * weeksAgo; last = first + 6
        }
        guard first >= LocalDate.distantPast.dayNumber, last <= RelativeDay.lastDay.dayNumber else {
            throw .outOfRange(self)
        }
        return LocalDate(dayNumber: first)...LocalDate(dayNumber: last)
    }

    private static let lastDay = LocalDate(year: 9999, month: 12, day: 31)!
}
