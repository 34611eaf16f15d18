import NoteKit

/// Every figure of `hearth review` for one window (journal.md, "What review computes").
public struct Review: Sendable {
    /// The window reviewed.
    public let window: DateRange
    /// The window compared against.
    public let previous: DateRange
    /// Day entries in the window.
    public let loggedDays: Int
    /// Levels (mood, energy, exhaustion, cynicism, efficacy, sleep).
    public let levels: [MetricLevel]
    /// Work hours per ISO week.
    public let weeks: [WeekHours]
    /// Days with `work_h >= 12`.
    public let longDays: [(date: LocalDate, hours: Double)]
    /// The four burners.
    public let burners: [BurnerSummary]
    /// The done list.
    public let done: DoneRecap
    /// Gratitude and learning.
    public let echoes: EchoSummary
    /// Warning signs.
    public let signals: SignalSummary
    /// WHO-5 scores of week entries in the window.
    public let who5: [WHO5Score]
    /// Health.
    public let health: HealthSummary
    /// Experiment calibration (all closed experiments up to the window's end).
    public let experiments: ExperimentSummary
    /// Tag effects on mood and energy (exploratory).
    public let factors: [FactorEffect]
    /// Correlations between daily values (exploratory).
    public let correlations: [Correlation]
    /// The last year of days up to the window's end with their energy, for the heatmap
    /// (nil value: logged without energy; absent: not logged).
    public let year: [LocalDate: Double?]
    /// Every ISO week of the window with its level means, burner hours and done items.
    public let weekly: [ReviewWeek]
    /// The chosen day field over the window, for the calendar heatmap.
    public let heatmap: ReviewHeatmap
}
