/// Work hours per ISO week as columns against the week's target (a tick on each column), the
/// 55-hour line (WHO/ILO) and the 50-hour line (Pencavel) marked, long days listed below.
enum HoursChart {
    static func render(_ review: Review, into html: inout HTMLWriter) {
        html.raw("<section id=\"hours\"><h2>Hours of work per week</h2>")
        let risk = ReviewFormat.hours(ReviewRules.riskWeekHours)
        let over = ReviewFormat.hours(ReviewRules.productivityWeekHours)
        let columns = review.weeks.map { week -> BarChart.Column in
            guard week.count > 0 else { return BarChart.Column(label: ReviewCalculator.monday(ofWeek: week.week) ?? review.window.start, segments: [], tick: week.target) }
            let cssClass = week.isRisk ? "risk" : week.isOverProductive ? "over" : "ok"
            var title = "\(week.week): \(ReviewFormat.hours(week.total)) h on \(week.count) of \(week.daysElapsed) days"
            if let target = week.target { title += ", target \(ReviewFormat.hours(target)) h" }
            let flags = ReviewMarkdown.weekFlags(week)
            if !flags.isEmpty { title += "; " + flags.joined(separator: ", ") }
            return BarChart.Column(label: ReviewCalculator.monday(ofWeek: week.week) ?? review.window.start,
                                   segments: [.init(value: week.total, cssClass: cssClass, title: title)], tick: week.target)
        }
        html.raw("<figure>")
        BarChart(title: "Work hours per ISO week", description: "A column per week, its target as a tick, lines at \(risk) and \(over) hours; the table below gives every week.",
                 columns: columns,
                 lines: [.init(value: ReviewRules.riskWeekHours, cssClass: "line55", label: "\(risk) h: stroke and heart risk (WHO/ILO)"),
                         .init(value: ReviewRules.productivityWeekHours, cssClass: "line50", label: "\(over) h: output per hour falls")],
                 unit: " h").render(into: &html)
        html.raw("<figcaption><ul class=\"legend\"><li><span class=\"sw c-blue\"></span>up to \(over) h</li><li><span class=\"sw c-orange\"></span>over \(over) h</li><li><span class=\"sw c-verm\"></span>\(risk) h or more</li><li>▬ target</li></ul></figcaption></figure>")
        let weeksAtRisk = review.weeks.filter(\.isRisk).count
        html.raw("<p>\(weeksAtRisk) of \(review.weeks.count) weeks at \(risk) h or more.</p>")
        html.raw("<details><summary>Every week's hours</summary><table><thead><tr><th>week</th><th>work h</th><th>n</th><th>of days</th><th>target h</th><th class=\"t\">flags</th></tr></thead><tbody>")
        for week in review.weeks {
            let path = "weeks.\(week.week)."
            html.raw("<tr><td>\(week.week)</td>")
            html.cell(path + "work_h", .number(week.total), week.count > 0 ? ReviewFormat.hours(week.total) : "–")
            html.cell(path + "n", .integer(week.count), "\(week.count)")
            html.cell(path + "days_elapsed", .integer(week.daysElapsed), "\(week.daysElapsed)")
            html.cell(path + "target_h", .number(week.target), week.target.map(ReviewFormat.hours) ?? "–")
            html.raw("<td class=\"t\">")
            html.figure(path + "risk_55h", .flag(week.isRisk), week.isRisk ? "≥ \(risk) h " : "")
            html.figure(path + "over_50h", .flag(week.isOverProductive), week.isOverProductive && !week.isRisk ? "> \(over) h " : "")
            html.figure(path + "had_day_off", .flag(week.hadDayOff), week.hadDayOff == false ? "no day off" : "")
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table></details>")
        html.raw("<h3>Days of \(ReviewFormat.hours(ReviewRules.longDayHours)) h or more</h3>")
        if review.longDays.isEmpty {
            html.raw("<p class=\"muted\">None.</p>")
        } else {
            html.raw("<ul class=\"items\">")
            for day in review.longDays {
                html.raw("<li>\(day.date): ")
                html.figure("long_days.\(day.date).work_h", .number(day.hours), ReviewFormat.hours(day.hours))
                html.raw(" h</li>")
            }
            html.raw("</ul>")
        }
        html.raw("</section>\n")
    }
}
