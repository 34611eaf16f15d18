/// WHO-5 well-being scores of the week entries in the range, when recorded: a column each
/// against the low-well-being line, and a table.
enum WHO5Section {
    static func render(_ review: Review, into html: inout HTMLWriter) {
        html.raw("<section id=\"who5\"><h2>WHO-5 well-being</h2>")
        guard !review.who5.isEmpty else {
            html.raw("<p class=\"muted\">No WHO-5 recorded in this range (a week entry's who5: five answers 0-5).</p></section>\n")
            return
        }
        let lowPercent = ReviewRules.who5LowRaw * 4
        let columns = review.who5.map { score in
            BarChart.Column(label: ReviewCalculator.monday(ofWeek: score.week) ?? review.window.start,
                            segments: [.init(value: Double(score.percent), cssClass: score.isLow ? "c-verm" : "c-green",
                                             title: "\(score.week): \(score.percent)% (raw \(score.raw)/25)\(score.isLow ? ", low" : "")")])
        }
        html.raw("<figure>")
        BarChart(title: "WHO-5 scores in percent", description: "A column per scored week; below \(lowPercent)% (raw \(ReviewRules.who5LowRaw)) is low well-being.",
                 columns: columns, lines: [.init(value: Double(lowPercent), cssClass: "line50", label: "\(lowPercent)%: low below")]).render(into: &html)
        html.raw("</figure><table><thead><tr><th>week</th><th>percent</th><th>raw</th><th class=\"t\">low</th><th>change</th><th class=\"t\">meaningful</th></tr></thead><tbody>")
        for score in review.who5 {
            let path = "who5.\(score.week)."
            html.raw("<tr><td>\(score.week)</td>")
            html.cell(path + "percent", .integer(score.percent), "\(score.percent)%")
            html.cell(path + "raw", .integer(score.raw), "\(score.raw)/25")
            html.cell(path + "low", .flag(score.isLow), score.isLow ? "low (< \(ReviewRules.who5LowRaw))" : "", left: true)
            html.cell(path + "change", .integer(score.change), score.change.map { "\($0 >= 0 ? "+" : "")\($0) points" } ?? "–")
            html.cell(path + "meaningful_change", .flag(score.isMeaningfulChange), score.isMeaningfulChange ? "meaningful" : "", left: true)
            html.raw("</tr>")
        }
        html.raw("</tbody></table><p class=\"muted\">Raw 0-25, ×4 for percent; below \(ReviewRules.who5LowRaw) raw is low well-being, worth talking to someone about; a change of \(ReviewRules.who5MeaningfulChange) points is meaningful.</p></section>\n")
    }
}
