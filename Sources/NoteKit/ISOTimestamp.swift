import Foundation

/// The one way hearth writes a moment as text: ISO 8601 to the second, `2026-11-22T10:15:00Z` in
/// UTC or `2026-11-22T11:15:00+01:00` at another offset. Conflict records, lock files, `log` and
/// `grep --history` and the watcher's lines all agree, and records hash these bytes: the UTC form
/// must never change.
package enum ISOTimestamp {
    /// `2026-11-22T10:15:00Z`.
    package static func utc(_ date: Date) -> String {
        date.formatted(utcStyle)
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
