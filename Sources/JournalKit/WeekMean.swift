/// The mean of one level (energy, mood, sleep) over one week of the window, with its n.
public struct WeekMean: Sendable {
    /// The front-matter key.
    public let key: String
    /// The mean, nil below ``ReviewRules/minimumForMean`` values (a gap, never zero).
    public let mean: Double?
    /// How many values the mean rests on.
    public let count: Int
}
