import NoteKit

/// Trend lines of energy, mood and sleep: one small chart each, a point per week at its mean
/// (with the n in the point's `<title>`), the line broken where a week has no mean: a gap, never
/// a zero. Beside them the levels of the whole range and a table of every week.
enum TrendChart {
    private static let width = 720.0
    private static let height = 120.0
    private static let left = 34.0
    private static let right = 8.0
    private static let top = 8.0
    private static let bottom = 20.0
    private static let classes = ["energy": "c-orange", "mood": "c-blue", "sleep_h": "c-green"]

    static func render(_ review: Review, into html: inout HTMLWriter) {
        html.raw("<section id=\"trends\"><h2>Energy, mood and sleep by week</h2>")
        html.raw("<p class=\"muted\">Weekly means; a mean needs \(ReviewRules.minimumForMean) values, and a week with fewer is a gap in the line.</p>")
        for (index, key) in ReviewCalculator.trendKeys.enumerated() {
            chart(review, key: key, index: index, into: &html)
        }
        levels(review, into: &html)
        weeks(review, into: &html)
        html.raw("</section>\n")
    }

    private static func chart(_ review: Review, key: String, index: Int, into html: inout HTMLWriter) {
        let scale = ReviewCalculator.levelScales.first { $0.key == key }?.scale ?? 0...1
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let step = plotWidth / Double(max(review.weekly.count, 1))
        func x(_ week: Int) -> String { HTMLWriter.coordinate(left + step * (Double(week) + 0.5)) }
        func y(_ value: Double) -> String {
            let clamped = min(max(value, scale.lowerBound), scale.upperBound)
            return HTMLWriter.coordinate(top + plotHeight * (1 - (clamped - scale.lowerBound) / (scale.upperBound - scale.lowerBound)))
        }
        let cssClass = classes[key] ?? "c-grey"
        html.raw("<figure><svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\"><title>")
        html.text("\(key): weekly mean, scale \(ReviewFormat.hours(scale.lowerBound)) to \(ReviewFormat.hours(scale.upperBound))")
        html.raw("</title><desc>One point per week with a mean; the table below gives each with its n.</desc>")
        for tick in [scale.lowerBound, (scale.lowerBound + scale.upperBound) / 2, scale.upperBound] {
            html.raw("<line class=\"axis\" x1=\"\(HTMLWriter.coordinate(left))\" x2=\"\(HTMLWriter.coordinate(width - right))\" y1=\"\(y(tick))\" y2=\"\(y(tick))\"/>")
            html.raw("<text x=\"\(HTMLWriter.coordinate(left - 4))\" y=\"\(y(tick))\" dy=\"3\" text-anchor=\"end\">\(ReviewFormat.hours(tick))</text>")
        }
        html.raw("<text x=\"\(HTMLWriter.coordinate(left + 4))\" y=\"\(HTMLWriter.coordinate(top + 8))\">\(key)</text>")
        // Consecutive weeks with a mean make one path; a week without one ends it.
        var path = ""
        for (week, series) in review.weekly.enumerated() {
            if let mean = series.levels[index].mean {
                path += (path.isEmpty || review.weekly[week - 1].levels[index].mean == nil ? "M" : "L") + "\(x(week)) \(y(mean))"
            }
        }
        if !path.isEmpty { html.raw("<path class=\"trend \(cssClass)\" style=\"fill:none\" d=\"\(path)\"/>") }
        for (week, series) in review.weekly.enumerated() {
            let level = series.levels[index]
            guard let mean = level.mean else { continue }
            html.raw("<circle class=\"pt \(cssClass)\" cx=\"\(x(week))\" cy=\"\(y(mean))\" r=\"\(step < 6 ? 1.5 : 3)\"><title>\(series.week): \(key) \(ReviewFormat.decimal(mean)) (n=\(level.count))</title></circle>")
        }
        BarChart.monthLabels(review.weekly.map(\.start), step: step, left: left, baseline: height - 5, into: &html)
        html.raw("</svg></figure>")
    }

    /// The levels of the whole range against the range before, as the terminal review shows them.
    private static func levels(_ review: Review, into html: inout HTMLWriter) {
        html.raw("<h3>Levels over the whole range</h3><table><thead><tr><th>level</th><th>mean</th><th>n</th><th>before</th><th>n</th><th>change</th></tr></thead><tbody>")
        for level in review.levels {
            let path = "levels.\(level.key)."
            html.raw("<tr><td>\(level.key)</td>")
            html.cell(path + "mean", .number(level.mean), level.mean.map(ReviewFormat.decimal) ?? ReviewHTML.hidden(level.count, ReviewRules.minimumForMean))
            html.cell(path + "n", .integer(level.count), "\(level.count)")
            html.cell(path + "previous_mean", .number(level.previousMean),
                      level.previousMean.map(ReviewFormat.decimal) ?? ReviewHTML.hidden(level.previousCount, ReviewRules.minimumForMean))
            html.cell(path + "previous_n", .integer(level.previousCount), "\(level.previousCount)")
            html.raw("<td>")
            let arrow = level.direction > 0 ? "↑ " : level.direction < 0 ? "↓ " : ""
            html.figure(path + "direction", .integer(level.direction), arrow)
            html.figure(path + "change", .number(level.change), level.change.map(ReviewFormat.signed) ?? "–")
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table><p class=\"muted\">A mean needs \(ReviewRules.minimumForMean) values; an arrow, a change of \(ReviewFormat.decimal(ReviewRules.arrowThreshold)) with \(ReviewRules.minimumForArrow) or more on both sides.</p>")
    }

    /// The text alternative of the three charts: every week's means with their n.
    private static func weeks(_ review: Review, into html: inout HTMLWriter) {
        html.raw("<details><summary>Every week's means</summary><table><thead><tr><th>week</th><th>days</th><th>logged</th>")
        for key in ReviewCalculator.trendKeys { html.raw("<th>\(key)</th><th>n</th>") }
        html.raw("</tr></thead><tbody>")
        for week in review.weekly {
            let path = "weekly.\(week.week)."
            html.raw("<tr><td title=\"\(week.start) to \(week.end)\">\(week.week)")
            html.raw("<span hidden>")
            html.figure(path + "start", .text(week.start.description), week.start.description)
            html.figure(path + "end", .text(week.end.description), week.end.description)
            html.raw("</span></td>")
            html.cell(path + "days", .integer(week.days), "\(week.days)")
            html.cell(path + "logged_days", .integer(week.loggedDays), "\(week.loggedDays)")
            for level in week.levels {
                html.cell(path + "levels.\(level.key).mean", .number(level.mean),
                          level.mean.map(ReviewFormat.decimal) ?? ReviewHTML.hidden(level.count, ReviewRules.minimumForMean))
                html.cell(path + "levels.\(level.key).n", .integer(level.count), "\(level.count)")
            }
            html.raw("</tr>")
        }
        html.raw("</tbody></table></details>")
    }
}
