import NoteKit

/// The type journal.md gives a front-matter key, used to read and validate its values.
public enum FieldType: Sendable, Hashable {
    /// A whole number within the range (`energy: 1...5`).
    case integer(ClosedRange<Int>)
    /// A number within the range (`sleep_h: 0...24`).
    case number(ClosedRange<Double>)
    /// `true` or `false` only: `no` and `yes` are strings in the core schema.
    case boolean
    /// `YYYY-MM-DD`.
    case date
    /// Free text.
    case text
    /// One of a fixed set of words.
    case choice([String])
    /// Free text; the words are the usual values, which `hearth check` suggests for any other
    /// (see ``suggestion(for:)``) without refusing it.
    case suggested([String])
    /// A list whose every element has the given type.
    indirect case list(FieldType, count: Int? = nil)
    /// An ISO week name, `2026-W47`.
    case isoWeek

    /// Why `value` does not fit this type, or nil when it does. Null ("not recorded") always fits.
    public func problem(with value: YAMLValue) -> String? {
        // Null and an empty list (`who5: []` in a fresh template) both mean "not recorded".
        if value.isNull || value.list?.isEmpty == true { return nil }
        switch self {
        case .integer(let range):
            guard let int = value.int else { return "must be a whole number from \(range.lowerBound) to \(range.upperBound)" }
            return range.contains(int) ? nil : "must be from \(range.lowerBound) to \(range.upperBound), not \(int)"
        case .number(let range):
            guard let number = value.double, number.isFinite else {
                return "must be a number from \(FieldType.format(range.lowerBound)) to \(FieldType.format(range.upperBound))"
            }
            return range.contains(number) ? nil
                : "must be from \(FieldType.format(range.lowerBound)) to \(FieldType.format(range.upperBound)), not \(value.scalar!.text)"
        case .boolean:
            if value.bool != nil { return nil }
            return "must be true or false (YAML 1.1 words like 'yes' and 'no' are text here)"
        case .date:
            guard value.date == nil else { return nil }
            // A day that does not exist is called that, not "not like 2026-11-22".
            if let text = value.string, LocalDate.isDateShaped(text), let problem = LocalDate.problem(with: text) {
                return "must be a day that exists (\(problem))"
            }
            return "must be a date like 2026-11-22"
        case .text:
            return value.scalar == nil ? "must be text, not a list or map" : nil
        case .choice(let options):
            guard let text = value.string, value.scalar != nil else { return "must be one of: \(options.joined(separator: ", "))" }
            return options.contains(text) ? nil : "must be one of: \(options.joined(separator: ", ")), not '\(text)'"
        case .suggested:
            return value.scalar == nil ? "must be text, not a list or map" : nil
        case .isoWeek:
            guard let text = value.string, FieldType.isISOWeek(text) else { return "must be an ISO week like 2026-W47" }
            return nil
        case .list(let element, let count):
            // A single scalar reads as a one-element list (`tags: travel`), as Obsidian users write.
            let items = value.list ?? [value]
            if let count, items.count != count { return "must list exactly \(count) values, found \(items.count)" }
            for item in items {
                if let problem = element.problem(with: item) { return "every value " + problem }
            }
            return nil
        }
    }

    /// For a ``suggested(_:)`` value that is none of the usual words, what `hearth check` says
    /// about it (a warning, never a refusal); nil for every other type and value.
    public func suggestion(for value: YAMLValue) -> String? {
        guard case .suggested(let words) = self, let text = value.string, value.scalar != nil, !value.isNull,
              !words.contains(text) else { return nil }
        return "'\(text)' is none of the usual words (\(words.joined(separator: ", "))); that is fine, but only the same word counts as a match when experiments are compared"
    }

    private static func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }

    private static func isISOWeek(_ text: String) -> Bool {
        let parts = text.split(separator: "-W")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let week = Int(parts[1]), parts[1].count == 2,
              let december28 = LocalDate(year: year, month: 12, day: 28) else { return false }
        // December 28 always falls in the year's last ISO week, so its number is the week count.
        return (1...december28.isoWeek.week).contains(week)
    }
}
