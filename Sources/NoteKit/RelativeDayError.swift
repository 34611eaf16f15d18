/// Why a text names no day (see ``RelativeDay``).
public enum RelativeDayError: Error, Equatable, Sendable {
    /// A `YYYY-MM-DD` text whose day does not exist (``LocalDate/problem(with:)`` says why).
    case notADate(String)
    /// A text that is neither a date nor a phrase ``RelativeDay`` reads.
    case unknown(String)
    /// `N days ago` or `N weeks ago` counting back more than ``RelativeDay/largestCount`` days
    /// (`100000 days ago`): a phrase hearth reads, but too far back to be meant.
    case tooFarBack(String)
    /// A phrase whose days fall before 0001-01-01 or after 9999-12-31 from the today given.
    case outOfRange(RelativeDay)
}
