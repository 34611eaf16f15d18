/// The thresholds behind every review figure, in one place so README, tests and code agree.
/// Each figure is hidden below its minimum n and always printed with the n it rests on.
public enum ReviewRules {
    /// Values a mean needs before it is shown.
    public static let minimumForMean = 3
    /// Values each window needs before a trend arrow is drawn.
    public static let minimumForArrow = 4
    /// The smallest change of a mean that earns an arrow.
    public static let arrowThreshold = 0.5
    /// Days with and without a tag, each, before a factor effect is shown.
    public static let minimumForFactor = 3
    /// Paired values before a correlation is shown.
    public static let minimumForCorrelation = 14
    /// Closed experiments before calibration figures are shown.
    public static let minimumForCalibration = 3
    /// Glucose readings before the in-range share is shown.
    public static let minimumForGlucose = 3
    /// Done items before the invisible-work share is shown.
    public static let minimumForInvisibleShare = 3
    /// Weekly hours at or above which long-hours health risk is flagged (WHO/ILO 2021).
    public static let riskWeekHours = 55.0
    /// Weekly hours above which output per hour falls (Pencavel 2014).
    public static let productivityWeekHours = 50.0
    /// A long day.
    public static let longDayHours = 12.0
    /// Consecutive recorded zeros that make a burner cold.
    public static let coldBurnerDays = 7
    /// Flagged days among the last 7 logged days that suggest the WHO-5 check-in.
    public static let signalDays = 4
    /// Fever threshold in degrees C.
    public static let feverCelsius = 38.0
    /// Glucose range counted as in range, mg/dL.
    public static let glucoseRange = 70.0...180.0
    /// WHO-5 raw score below which well-being is flagged low.
    public static let who5LowRaw = 13
    /// A WHO-5 change (in percent points) that is meaningful.
    public static let who5MeaningfulChange = 10
    /// Age in days an item must have before it is resurfaced.
    public static let resurfaceAfterDays = 30
}
