/// Exploratory: the mean of a level on days with a tag against days without it.
public struct FactorEffect: Sendable {
    /// The tag.
    public let tag: String
    /// The level compared (`mood`, `energy`).
    public let key: String
    /// Mean on days with the tag.
    public let withMean: Double
    /// Days with the tag and the level recorded.
    public let withCount: Int
    /// Mean on days without the tag.
    public let withoutMean: Double
    /// Days without the tag and with the level recorded.
    public let withoutCount: Int

    /// With minus without.
    public var difference: Double { withMean - withoutMean }
}
