import NoteKit

/// The line that says a quick command (`set`, `done`, `jot`, `learned`, `grateful`) made a day's
/// entry for a day other than today: a mistyped date then shows at once, not as a stray file
/// found weeks later. Today's entry is made without comment, as `hearth today` makes it.
enum NewDayNotice {
    /// Writes `hearth: created PATH, a new entry for WEEKDAY DATE` to standard error (standard
    /// output carries only the path, for scripts) unless `day` is `today`.
    static func report(_ path: String, day: LocalDate, today: LocalDate) {
        guard day != today else { return }
        Diagnostics.note("created \(path), a new entry for \(day.weekdayName) \(day)")
    }
}
