import Foundation
import NoteKit

/// A point in a notebook's history, as `--at` names it: a day (its end), a time, or a commit.
public enum HistoryPoint: Sendable, Hashable, CustomStringConvertible {
    /// The notebook as it was at this moment: the newest commit recorded at or before it.
    case time(Date, label: String)
    /// A commit id (or its start, at least 4 hex digits) or any revision git understands.
    case revision(String)

    /// Reads `--at`: `2026-11-20` (the end of that day), `today`, `yesterday`,
    /// `2026-11-20T14:30` (local time), or a commit.
    public init(_ text: String, today: LocalDate, timeZone: TimeZone = .current) {
        if let day = Notebook.day(namedBy: text, today: today) {
            self = .time(HistoryPoint.start(of: day.adding(days: 1), timeZone: timeZone).addingTimeInterval(-0.001), label: day.description)
            return
        }
        let parts = text.split(separator: "T", maxSplits: 1).map(String.init)
        if parts.count == 2, let day = LocalDate(parts[0]), let minutes = HistoryPoint.minutes(parts[1]) {
            let moment = HistoryPoint.start(of: day, timeZone: timeZone).addingTimeInterval(Double(minutes * 60) + 59.999)
            self = .time(moment, label: text)
            return
        }
        self = .revision(text)
    }

    /// `HH:MM` as minutes after midnight.
    private static func minutes(_ text: String) -> Int? {
        let fields = text.split(separator: ":")
        guard fields.count == 2, let hours = Int(fields[0]), let minutes = Int(fields[1]),
              (0..<24).contains(hours), (0..<60).contains(minutes) else { return nil }
        return hours * 60 + minutes
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
