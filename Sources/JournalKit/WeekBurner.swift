/// One burner's hours over one week of the window.
public struct WeekBurner: Sendable {
    /// The burner's name (work, health, family, friends).
    public let name: String
    /// The sum of its recorded hours; nil when no day of the week recorded it (not zero).
    public let hours: Double?
    /// Days of the week that recorded it.
    public let count: Int
}
