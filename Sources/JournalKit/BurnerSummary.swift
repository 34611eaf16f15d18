/// One of the four burners (work, health, family, friends): its hours and share.
public struct BurnerSummary: Sendable {
    /// The burner's name.
    public let name: String
    /// The front-matter key of its hours.
    public let key: String
    /// Total recorded hours in the window.
    public let hours: Double
    /// Days it was recorded in the window.
    public let count: Int
    /// Its share of all burners' hours, nil when no burner hours were recorded.
    public let share: Double?
    /// Consecutive recorded zeros up to the window's end.
    public let zeroRun: Int

    /// At zero for ``ReviewRules/coldBurnerDays`` or more logged days in a row.
    public var isCold: Bool { zeroRun >= ReviewRules.coldBurnerDays }
}
