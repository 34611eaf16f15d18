import NoteKit

/// What was done in the window, by category, and what got done on the hard days.
public struct DoneRecap: Sendable {
    /// Items per category, largest first (ties by name).
    public let counts: [(category: String, count: Int)]
    /// All items in the window.
    public let total: Int
    /// Items in the invisible categories (learn, read, review, help, chore).
    public let invisible: Int
    /// Days with `efficacy <= 1` and what was done on them anyway.
    public let lowEfficacyDays: [(date: LocalDate, items: [DoneItem])]

    /// The invisible share, nil below ``ReviewRules/minimumForInvisibleShare`` items.
    public var invisibleShare: Double? {
        total >= ReviewRules.minimumForInvisibleShare ? Double(invisible) / Double(total) : nil
    }
}
