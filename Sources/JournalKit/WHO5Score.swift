/// A WHO-5 well-being score from a week entry's five answers (0-5 each).
public struct WHO5Score: Sendable {
    /// The week, e.g. `2026-W47`.
    public let week: String
    /// The raw sum, 0-25.
    public let raw: Int
    /// The change in percent points from the previous scored week, when there is one.
    public let change: Int?

    /// The score in percent (raw x 4).
    public var percent: Int { raw * 4 }
    /// Below 13 raw: low well-being, worth talking to someone about.
    public var isLow: Bool { raw < ReviewRules.who5LowRaw }
    /// A change of 10 points or more is meaningful.
    public var isMeaningfulChange: Bool { abs(change ?? 0) >= ReviewRules.who5MeaningfulChange }
}
