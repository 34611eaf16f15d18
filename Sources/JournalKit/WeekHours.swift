/// Work hours of one ISO week in the window, against the target.
public struct WeekHours: Sendable {
    /// The ISO week, e.g. `2026-W47`.
    public let week: String
    /// The sum of recorded `work_h`.
    public let total: Double
    /// Days of the week with `work_h` recorded.
    public let count: Int
    /// Days of the week up to the window's end (7 for a finished week); the sum covers all of
    /// them, including days before the window's start, so a week is never judged on part of it.
    public let daysElapsed: Int
    /// The weekly target: the week entry's `work_target_h`, else hearth.yaml's.
    public let target: Double?
    /// False when all seven days were recorded and none was zero; nil when it cannot be known.
    public let hadDayOff: Bool?

    /// At or above the WHO/ILO long-hours threshold.
    public var isRisk: Bool { total >= ReviewRules.riskWeekHours }
    /// Above the point where output per hour falls.
    public var isOverProductive: Bool { total > ReviewRules.productivityWeekHours }
}
