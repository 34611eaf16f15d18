import Foundation

/// The one way hearth writes a moment as text: ISO 8601 to the second, `2026-11-22T10:15:00Z` in
/// UTC or `2026-11-22T11:15:00+01:00` at another offset. Conflict records, lock files, `log` and
/// `grep --history` and the watcher's lines all agree, and records hash these bytes: the UTC form
/// must never change.
package enum ISOTimestamp {
    /// `2026-11-22T10:15:00Z`.
    package static func utc(_ date: Date) -> String {
        // By hand rather than with `ISO8601FormatStyle`, whose first use sets up a time zone and a
        // calendar (half a millisecond, on every sync's lock); the same text (`ISOTimestampTests`).
        // Years 1583 to 9999 only: before, Foundation counts in the Julian calendar, which gmtime
        // does not; after, and for infinite times, its text differs or the conversion traps.
        guard (-12_212_553_600..<253_402_300_800).contains(date.timeIntervalSince1970) else { return date.formatted(utcStyle) }
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return date.formatted(utcStyle) }
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// `date` as the clock in `timeZone` shows it, with its offset (`+01:00`; `Z` at UTC).
    package static func string(_ date: Date, in timeZone: TimeZone) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: timeZone))
    }

    /// Reads a time written by ``utc(_:)``; nil when the text is not an ISO 8601 time.
    package static func parseUTC(_ text: String) -> Date? {
        try? Date(text, strategy: utcStyle)
    }

    private static let utcStyle = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)
}
