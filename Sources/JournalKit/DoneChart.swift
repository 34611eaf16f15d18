/// What was done: items per category per week as stacked columns (each segment's `<title>`
/// lists its items), the range's counts, the share of invisible work (learning and
/// housekeeping: learn, read, review, help, chore) and every item in a list.
enum DoneChart {
    static func render(_ review: Review, into html: inout HTMLWriter) {
        let recap = review.done
        html.raw("<section id=\"done\"><h2>Done, by category</h2><p>")
        html.figure("done.total", .integer(recap.total), "\(recap.total)")
        html.raw(" items")
        if !recap.counts.isEmpty {
            html.raw(": ")
            for (index, entry) in recap.counts.enumerated() {
                if index > 0 { html.raw(", ") }
                html.text(entry.category + " ")
                html.figure("done.counts.\(entry.category)", .integer(entry.count), "\(entry.count)")
            }
        }
        html.raw(".</p><p>Invisible work (learn, read, review, help, chore): ")
        html.figure("done.invisible_share", .number(recap.invisibleShare),
                    recap.invisibleShare.map(ReviewFormat.percent) ?? ReviewHTML.hidden(recap.total, ReviewRules.minimumForInvisibleShare))
        html.raw(" (")
        html.figure("done.invisible", .integer(recap.invisible), "\(recap.invisible)")
        html.raw(" of \(recap.total) items). It is work too.</p>")
        // Visible categories at the bottom of each column, the invisible ones stacked above them.
        let categories = recap.counts.map(\.category).filter { !DayLog.invisibleCategories.contains($0) }
            + recap.counts.map(\.category).filter { DayLog.invisibleCategories.contains($0) }
        let columns = review.weekly.map { week in
            BarChart.Column(label: week.start, segments: categories.compactMap { category in
                let items = week.done.filter { $0.category == category }
                guard !items.isEmpty else { return nil }
                let title = "\(week.week) \(category): \(items.count)" + items.map { "\n- \($0.text)" }.joined()
                return .init(value: Double(items.count), cssClass: ReviewHTMLStyle.categoryClass(category), title: title)
            })
        }
        html.raw("<figure>")
        BarChart(title: "Done items per week by category",
                 description: "Stacked columns, one segment per category, invisible work above the rest; hover a segment for its items; the list below has every item.",
                 columns: columns).render(into: &html)
        html.raw("<figcaption><ul class=\"legend\">")
        for category in categories {
            html.raw("<li><span class=\"sw \(ReviewHTMLStyle.categoryClass(category))\"></span>")
            html.text(category)
            if DayLog.invisibleCategories.contains(category) { html.raw(" (invisible)") }
            html.raw("</li>")
        }
        html.raw("</ul></figcaption></figure>")
        lowEfficacy(recap, into: &html)
        html.raw("<details><summary>Every item by week</summary>")
        for week in review.weekly {
            let path = "weekly.\(week.week).done."
            html.raw("<h3>\(week.week) <small>\(week.start) to \(week.end)</small></h3><p>")
            html.figure(path + "total", .integer(week.done.count), "\(week.done.count)")
            html.raw(" items, ")
            html.figure(path + "invisible", .integer(week.invisibleCount), "\(week.invisibleCount)")
            html.raw(" invisible")
            for entry in week.doneCounts {
                html.raw("; ")
                html.text(entry.category + " ")
                html.figure(path + "counts.\(entry.category)", .integer(entry.count), "\(entry.count)")
            }
            html.raw("</p>")
            items(week.done, path: path + "days", into: &html)
        }
        html.raw("</details></section>\n")
    }

    /// Items grouped by day as `review --json` lists them (`category: text`), numbered within the day.
    private static func items(_ done: [DoneItem], path: String, into html: inout HTMLWriter) {
        guard !done.isEmpty else { return }
        html.raw("<ul class=\"items\">")
        var index = 0
        for (position, item) in done.enumerated() {
            index = position > 0 && done[position - 1].date == item.date ? index + 1 : 0
            html.raw("<li>\(item.date) ")
            html.figure("\(path).\(item.date).items.\(index)", .text("\(item.category): \(item.text)"), "\(item.category): \(item.text)")
            html.raw("</li>")
        }
        html.raw("</ul>")
    }

    private static func lowEfficacy(_ recap: DoneRecap, into html: inout HTMLWriter) {
        let days = recap.lowEfficacyDays.filter { !$0.items.isEmpty }
        guard !recap.lowEfficacyDays.isEmpty else { return }
        html.raw("<h3>Done anyway on days rated efficacy ≤ 1</h3>")
        if days.isEmpty { html.raw("<p class=\"muted\">Nothing listed on those days.</p>") }
        for day in recap.lowEfficacyDays {
            html.raw("<p>\(day.date)</p>")
            items(day.items, path: "done.low_efficacy_days", into: &html)
        }
    }
}
