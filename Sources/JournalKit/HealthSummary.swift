/// Health in the window: flares, fevers and glucose readings.
public struct HealthSummary: Sendable {
    /// Days with `flare >= 1`.
    public let flareDays: Int
    /// Days with `flare` recorded.
    public let flareCount: Int
    /// Days with `fever_c >= 38.0`.
    public let feverDays: Int
    /// Days with `fever_c` recorded.
    public let feverCount: Int
    /// Glucose readings in the window.
    public let glucoseReadings: Int
    /// Readings within 70-180 mg/dL.
    public let glucoseInRange: Int

    /// The share of readings in range, nil below the minimum; readings, not continuous time in range.
    public var glucoseInRangeShare: Double? {
        glucoseReadings >= ReviewRules.minimumForGlucose ? Double(glucoseInRange) / Double(glucoseReadings) : nil
    }
}
