import NoteKit

/// Early warning signs, never a diagnosis: days with exhaustion >= 3, cynicism >= 2 and
/// efficacy <= 1 together.
public struct SignalSummary: Sendable {
    /// Flagged days in the window.
    public let flaggedDays: [LocalDate]
    /// Days in the window with all three values recorded.
    public let count: Int
    /// Flagged days among the last seven logged days.
    public let recentFlagged: Int
    /// How many logged days that "last seven" holds (fewer when less was logged).
    public let recentCount: Int

    /// On 4 of the last 7 logged days: suggest the WHO-5 check-in and look at hours and burners.
    public var suggestsCheckIn: Bool { recentFlagged >= ReviewRules.signalDays }
}
