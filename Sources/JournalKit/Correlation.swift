/// Exploratory: Pearson's r between two daily values.
public struct Correlation: Sendable {
    /// The first key.
    public let first: String
    /// The second key.
    public let second: String
    /// Pearson's correlation coefficient.
    public let r: Double
    /// Days with both values recorded.
    public let count: Int
}
