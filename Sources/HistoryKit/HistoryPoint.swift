import Foundation
import NoteKit

/// A point in a notebook's history, as `--at` names it: a day (its end), a time, or a commit.
public enum HistoryPoint: Sendable, Hashable, CustomStringConvertible {
    /// The notebook as it was at this moment: the newest commit recorded at or before it (for
    /// one entry's version, on the clock of the device that made the commit).
    case time(Date, label: String)
    /// A commit id (or its start, at least 4 hex digits) or any revision git understands.
    case revision(String)

    /// Reads `--at`: `2026-11-20` (the end of that day), `today`, `yesterday` or another day
    /// phrase (`RelativeDay`), `2026-11-20T14:30` (local time), or a commit.
    public init(_ text: String, today: LocalDate, timeZone: TimeZone = .current) {
        if let day = Notebook.day(namedBy: text, today: today) {
            self = .time(HistoryPoint.end(of: day, timeZone: timeZone), label: day.description)
            return
        }
        let parts = text.split(maxSplits: 1) { $0 == "T" || $0 == " " }.map(String.init)
        if parts.count == 2, let day = LocalDate(parts[0]), let seconds = HistoryPoint.seconds(parts[1]) {
            // The whole minute (or second) named: a commit at 14:30:40 is "at 14:30".
            let last = parts[1].count > 5 ? 0.999 : 59.999
            self = .time(HistoryPoint.start(of: day, timeZone: timeZone).addingTimeInterval(Double(seconds) + last), label: text)
            return
        }
        self = .revision(text)
    }

    /// Whether `text`, which `init` read as a revision, starts like a date (`2026-...`): then it
    /// is a day or time with a mistake to name (`2026-13-45`, `2026-11-20T25:00`), not a commit
    /// to look up.
    public static func isMalformedDate(_ text: String) -> Bool {
        let head = text.utf8.prefix(5)
        return head.count == 5 && head.prefix(4).allSatisfy { (48...57).contains($0) } && head.last == UInt8(ascii: "-")
            && (LocalDate(text) == nil)
    }

    /// `HH:MM` or `HH:MM:SS` as seconds after midnight.
    private static func seconds(_ text: String) -> Int? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard fields.count == 2 || fields.count == 3, fields.allSatisfy({ $0 != nil }),
              let hours = fields[0], let minutes = fields[1], (0..<24).contains(hours), (0..<60).contains(minutes),
              (fields.count == 2 ? 0 : fields[2] ?? -1) >= 0, (fields.count == 2 ? 0 : fields[2] ?? 60) < 60 else { return nil }
        return hours * 3600 + minutes * 60 + (fields.count == 3 ? fields[2] ?? 0 : 0)
    }

    /// The last moment of `day` in `timeZone` (a millisecond before the next day begins).
    public static func end(of day: LocalDate, timeZone: TimeZone = .current) -> Date {
        start(of: day.adding(days: 1), timeZone: timeZone).addingTimeInterval(-0.001)
    }

    /// Midnight at the start of `day` in `timeZone`.
    public static func start(of day: LocalDate, timeZone: TimeZone = .current) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? .distantPast
    }

    public var description: String {
        switch self {
        case .time(_, let label): return label
        case .revision(let revision): return revision
        }
    }
}
