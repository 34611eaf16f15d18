import NoteKit

/// The month (or year) names along a chart's time axis, placed so that none overlaps the one
/// before: the first period of a range is often a few days of a month, too narrow for its
/// name, so it gives way to the next one (which then carries the year) rather than the next
/// whole month being the one left out.
struct AxisLabels {
    /// One name and where it starts.
    struct Label: Equatable {
        let x: Double
        let text: String
    }

    /// The names kept, left to right.
    let labels: [Label]

    /// How wide a name is drawn at the charts' 10 px font: about 6 px a character, and a gap.
    static func width(of text: String) -> Double { Double(text.count) * 6 + 4 }

    /// The labels of `dates`, the first day of each column at `x(index)`: a name where the month
    /// changes (the year where it changes, when `yearsOnly`), the first one and each January with
    /// its year.
    init(_ dates: [LocalDate], yearsOnly: Bool, x: (Int) -> Double) {
        var candidates: [(label: Label, date: LocalDate)] = []
        var previous: LocalDate?
        for (index, date) in dates.enumerated() {
            defer { previous = date }
            if let previous, yearsOnly ? date.year == previous.year : date.month == previous.month { continue }
            candidates.append((Label(x: x(index), text: Self.name(of: date, yearsOnly: yearsOnly, first: previous == nil)), date))
        }
        if candidates.count >= 2, candidates[1].label.x - candidates[0].label.x < Self.width(of: candidates[0].label.text) {
            let next = candidates[1]
            candidates[0] = (Label(x: next.label.x, text: Self.name(of: next.date, yearsOnly: yearsOnly, first: true)), next.date)
            candidates.remove(at: 1)
        }
        var kept: [Label] = []
        var end = -Double.infinity
        for candidate in candidates where candidate.label.x >= end {
            kept.append(candidate.label)
            end = candidate.label.x + Self.width(of: candidate.label.text)
        }
        labels = kept
    }

    /// Where the last name ends: a chart widens its drawing to show it whole.
    var end: Double { labels.last.map { $0.x + Self.width(of: $0.text) } ?? 0 }

    private static func name(of date: LocalDate, yearsOnly: Bool, first: Bool) -> String {
        if yearsOnly { return String(date.year) }
        let month = BarChart.monthNames[date.month - 1]
        return first || date.month == 1 ? "\(month) \(date.year)" : month
    }
}
