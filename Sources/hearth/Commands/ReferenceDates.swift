import NoteKit

/// The day a reference names when it is `today`, `yesterday` or a date.
enum ReferenceDates {
    static func date(of reference: String, today: LocalDate) -> LocalDate? {
        switch reference {
        case "today": return today
        case "yesterday": return today.adding(days: -1)
        default: return LocalDate(reference)
        }
    }
}
