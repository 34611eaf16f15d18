import NoteKit

/// One ISO week of the window, for the review's picture: the days of the week that fall in the
/// window (a window starting on a Thursday has a first week of four days), their level means,
/// burner hours and done items. Unlike ``WeekHours``, nothing before the window's start counts,
/// so the weeks add up to the window's own figures.
public struct ReviewWeek: Sendable {
    /// The ISO week, e.g. `2026-W47`.
    public let week: String
    /// Its first day in the window.
    public let start: LocalDate
    /// Its last day in the window.
    public let end: LocalDate
    /// Days of the week with a day entry.
    public let loggedDays: Int
    /// Weekly means of ``ReviewCalculator/trendKeys``, in that order.
    public let levels: [WeekMean]
    /// Hours of the four burners, in ``ReviewCalculator/burners`` order.
    public let burners: [WeekBurner]
    /// The done items of the week, by day in date order.
    public let done: [DoneItem]

    /// Days of the week in the window.
    public var days: Int { end.dayNumber - start.dayNumber + 1 }

    /// Done items per category, largest first (ties by name), as ``DoneRecap/counts``.
    public var doneCounts: [(category: String, count: Int)] { DoneRecap.counts(of: done) }

    /// Done items in the invisible categories (learn, read, review, help, chore).
    public var invisibleCount: Int { done.filter { DayLog.invisibleCategories.contains($0.category) }.count }
}
