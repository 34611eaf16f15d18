import NoteKit

/// The calendar heatmap: one square per day of the window, weeks as columns and Monday to
/// Sunday as rows (GitHub's contribution graph), 53 weeks to a block. The field's value picks
/// one of five viridis steps and is in the square's `<title>`; a day logged without the field
/// is a dashed square, a day not logged an empty outline: neither is ever zero.
enum HeatmapChart {
    private static let cell = 12.0
    private static let left = 28.0
    private static let top = 16.0
    private static let weeksPerBlock = 53

    static func render(_ review: Review, into html: inout HTMLWriter) {
        let heatmap = review.heatmap
        let window = review.window
        var values: [LocalDate: Double?] = [:]
        values.reserveCapacity(heatmap.days.count)
        for day in heatmap.days { values[day.date] = .some(day.value) }
        html.raw("<section id=\"heatmap\"><h2>Calendar: ")
        html.figure("heatmap.field", .text(heatmap.field), heatmap.field)
        html.raw("</h2><p class=\"muted\">One square per day, Monday at the top. ")
        if let scale = heatmap.scale {
            html.raw("Colours span ")
            html.figure("heatmap.scale.0", .number(scale.lowerBound), ReviewFormat.hours(scale.lowerBound))
            html.raw(" to ")
            html.figure("heatmap.scale.1", .number(scale.upperBound), ReviewFormat.hours(scale.upperBound))
            html.raw(". ")
        }
        if !heatmap.days.contains(where: { $0.value != nil }) {
            html.raw("No day of the range records ")
            html.text(heatmap.field)
            html.raw(". ")
        }
        html.raw("A dashed square: logged without it; an empty outline: not logged. Neither is zero.</p>")
        legend(heatmap, into: &html)
        let firstMonday = window.start.adding(days: 1 - window.start.isoWeekday)
        let weekCount = (window.end.dayNumber - firstMonday.dayNumber) / 7 + 1
        var blockStart = 0
        while blockStart < weekCount {
            let blockWeeks = min(weeksPerBlock, weekCount - blockStart)
            let width = left + Double(blockWeeks) * cell + 4
            let height = top + 7 * cell + 2
            let monday = firstMonday.adding(days: blockStart * 7)
            html.raw("<figure><svg viewBox=\"0 0 \(HTMLWriter.coordinate(width)) \(HTMLWriter.coordinate(height))\" role=\"img\" style=\"max-width:\(Int(width * 1.35))px\"><title>")
            html.text("\(heatmap.field) per day from \(max(monday, window.start)) to \(min(monday.adding(days: blockWeeks * 7 - 1), window.end))")
            html.raw("</title><desc>Weeks left to right, Monday to Sunday top to bottom; the table below lists every value.</desc>")
            for (row, label) in ["Mon", "", "Wed", "", "Fri", "", "Sun"].enumerated() where !label.isEmpty {
                html.raw("<text x=\"0\" y=\"\(HTMLWriter.coordinate(top + Double(row) * cell + 9))\">\(label)</text>")
            }
            var previousMonth = 0
            var labelEnd = 0.0
            for week in 0..<blockWeeks {
                let weekMonday = monday.adding(days: week * 7)
                let x = left + Double(week) * cell
                let firstShown = max(weekMonday, window.start)
                if firstShown.month != previousMonth {
                    previousMonth = firstShown.month
                    let label = BarChart.monthNames[firstShown.month - 1] + (week == 0 || firstShown.month == 1 ? " \(firstShown.year)" : "")
                    // A month that starts too close to the label before it (a partial first month) goes without.
                    if x >= labelEnd && week < blockWeeks - 2 {
                        html.raw("<text x=\"\(HTMLWriter.coordinate(x))\" y=\"10\">\(label)</text>")
                        labelEnd = x + Double(label.count) * 6 + 4
                    }
                }
                for row in 0..<7 {
                    let date = weekMonday.adding(days: row)
                    guard window.contains(date) else { continue }
                    let y = top + Double(row) * cell
                    html.raw("<rect x=\"\(HTMLWriter.coordinate(x + 1))\" y=\"\(HTMLWriter.coordinate(y + 1))\" width=\"10\" height=\"10\" rx=\"2\" class=\"")
                    switch values[date] {
                    case .some(.some(let value)):
                        html.raw(ReviewHTMLStyle.heatClasses[step(of: value, heatmap.scale)])
                        html.raw("\"><title>\(date): ")
                        html.text(heatmap.field)
                        html.raw(" \(ReviewFormat.hours(value))</title></rect>")
                    case .some(.none):
                        html.raw("noval\"><title>\(date): logged, no ")
                        html.text(heatmap.field)
                        html.raw("</title></rect>")
                    case .none:
                        html.raw("nolog\"><title>\(date): not logged</title></rect>")
                    }
                }
            }
            html.raw("</svg></figure>")
            blockStart += blockWeeks
        }
        table(review, firstMonday: firstMonday, weekCount: weekCount, values: values, into: &html)
        html.raw("</section>\n")
    }

    /// Which of the five steps `value` falls in.
    static func step(of value: Double, _ scale: ClosedRange<Double>?) -> Int {
        guard let scale, scale.upperBound > scale.lowerBound else { return 2 }
        let position = (value - scale.lowerBound) / (scale.upperBound - scale.lowerBound)
        return min(4, max(0, Int((position * 5).rounded(.down))))
    }

    private static func legend(_ heatmap: ReviewHeatmap, into html: inout HTMLWriter) {
        guard let scale = heatmap.scale else { return }
        html.raw("<ul class=\"legend\" aria-label=\"colour scale\">")
        let width = (scale.upperBound - scale.lowerBound) / 5
        let wholeSteps = scale.upperBound - scale.lowerBound == 4 && scale.lowerBound == scale.lowerBound.rounded()
        for index in 0..<5 {
            let label = wholeSteps ? ReviewFormat.hours(scale.lowerBound + Double(index))
                : width == 0 ? ReviewFormat.hours(scale.lowerBound)
                : "\(ReviewFormat.decimal(scale.lowerBound + width * Double(index)))–\(ReviewFormat.decimal(scale.lowerBound + width * Double(index + 1)))"
            html.raw("<li><span class=\"sw \(ReviewHTMLStyle.heatClasses[index])\"></span>\(label)</li>")
        }
        html.raw("<li><svg width=\"12\" height=\"12\" style=\"display:inline;width:12px\" aria-hidden=\"true\"><rect class=\"noval\" x=\"1\" y=\"1\" width=\"10\" height=\"10\" rx=\"2\"/></svg> logged, no value</li>")
        html.raw("<li><svg width=\"12\" height=\"12\" style=\"display:inline;width:12px\" aria-hidden=\"true\"><rect class=\"nolog\" x=\"1\" y=\"1\" width=\"10\" height=\"10\" rx=\"2\"/></svg> not logged</li></ul>")
    }

    /// The text alternative: a row per week, a column per weekday, every logged day's value.
    private static func table(_ review: Review, firstMonday: LocalDate, weekCount: Int, values: [LocalDate: Double?],
                              into html: inout HTMLWriter) {
        let field = review.heatmap.field
        html.raw("<details><summary>Every day as a table</summary><table class=\"cal\"><thead><tr><th>week of</th>")
        for name in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] { html.raw("<th>\(name)</th>") }
        html.raw("</tr></thead><tbody>")
        for week in 0..<weekCount {
            let monday = firstMonday.adding(days: week * 7)
            html.raw("<tr><td>\(monday)</td>")
            for row in 0..<7 {
                let date = monday.adding(days: row)
                guard review.window.contains(date), let value = values[date] else {
                    html.raw(review.window.contains(date) ? "<td>·</td>" : "<td></td>")
                    continue
                }
                html.raw("<td>")
                html.figure("heatmap.days.\(date).value", .number(value), value.map(ReviewFormat.hours) ?? "no \(field)")
                html.raw("</td>")
            }
            html.raw("</tr>")
        }
        html.raw("</tbody></table><p class=\"muted\">· not logged</p></details>")
    }
}
