import NoteKit

/// A level such as mood or energy over the window, compared with the window before.
public struct MetricLevel: Sendable {
    /// The front-matter key.
    public let key: String
    /// The scale the values live on, for drawing (bounded scales scale to the scale, not the data).
    public let scale: ClosedRange<Double>
    /// The mean, nil below ``ReviewRules/minimumForMean`` values.
    public let mean: Double?
    /// How many values the mean rests on.
    public let count: Int
    /// The previous window's mean, nil below the minimum.
    public let previousMean: Double?
    /// How many values the previous mean rests on.
    public let previousCount: Int
    /// One value per day of the window, nil where nothing was recorded.
    public let series: [Double?]

    /// The change from the previous window, when both means are shown.
    public var change: Double? {
        guard let mean, let previousMean else { return nil }
        return mean - previousMean
    }

    /// +1 or -1 when the change is large enough and both windows have enough values, else 0.
    public var direction: Int {
        guard let change, count >= ReviewRules.minimumForArrow, previousCount >= ReviewRules.minimumForArrow,
              abs(change) >= ReviewRules.arrowThreshold else { return 0 }
        return change > 0 ? 1 : -1
    }
}
