import NoteKit

/// An inclusive range of calendar days, such as a review window.
public struct DateRange: Hashable, Sendable {
    /// The first day.
    public let start: LocalDate
    /// The last day (included).
    public let end: LocalDate

    /// Creates a range; `start` must not be after `end`.
    public init(start: LocalDate, end: LocalDate) {
        precondition(start <= end, "a date range must not end before it starts")
        self.start = start
        self.end = end
    }

    /// The `days` days ending on `end`.
    public init(days: Int, endingOn end: LocalDate) {
        self.init(start: end.adding(days: -(max(days, 1) - 1)), end: end)
    }

    /// How many days the range holds.
    public var count: Int { end.dayNumber - start.dayNumber + 1 }

    /// Whether `date` falls in the range.
    public func contains(_ date: LocalDate) -> Bool { start <= date && date <= end }

    /// Every day of the range, in order.
    public var days: [LocalDate] { (0..<count).map { start.adding(days: $0) } }

    /// The range of the same length just before this one (the comparison window).
    public var previous: DateRange { DateRange(days: count, endingOn: start.adding(days: -1)) }
}
