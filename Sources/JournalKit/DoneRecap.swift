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

    /// Items per category, largest first (ties by name).
    public static func counts(of items: [DoneItem]) -> [(category: String, count: Int)] {
        var counts: [String: Int] = [:]
        for item in items { counts[item.category, default: 0] += 1 }
        return counts.map { (category: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.category < $1.category }
    }
}
