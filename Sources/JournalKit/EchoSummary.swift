/// Gratitude and learning: counts in the window and a few items brought back.
public struct EchoSummary: Sendable {
    /// `## Grateful` items in the window.
    public let gratefulCount: Int
    /// `## Learned` items in the window.
    public let learnedCount: Int
    /// Up to three items at least 30 days old, chosen the same way for the same day.
    public let resurfaced: [EchoItem]
    /// Items written on this month and day in the three most recent earlier years.
    public let onThisDay: [EchoItem]
}
