/// The four burners (work, health, family, friends) as stacked columns per week, the range's
/// totals and shares, and the cold burners named (at zero for seven or more logged days).
enum BurnersChart {
    static func render(_ review: Review, into html: inout HTMLWriter) {
        html.raw("<section id=\"burners\"><h2>The four burners</h2>")
        let cold = review.burners.filter(\.isCold)
        if cold.isEmpty {
            html.raw("<p>No cold burner.</p>")
        } else {
            html.raw("<p class=\"warn\">Cold: ")
            html.text(cold.map { "\($0.name) (\($0.zeroRun) logged days at zero)" }.joined(separator: ", "))
            html.raw("</p>")
        }
        let columns = review.weekly.map { week in
            BarChart.Column(label: week.start, segments: week.burners.enumerated().compactMap { index, burner in
                burner.hours.map {
                    .init(value: $0, cssClass: ReviewHTMLStyle.burnerClasses[index],
                          title: "\(week.week) \(burner.name): \(ReviewFormat.hours($0)) h (n=\(burner.count))")
                }
            })
        }
        html.raw("<figure>")
        BarChart(title: "Hours per burner per week", description: "Stacked columns: work, health, family, friends; a week without any recorded is a gap; the tables below give every figure.",
                 columns: columns, unit: " h").render(into: &html)
        html.raw("<figcaption><ul class=\"legend\">")
        for (index, burner) in ReviewCalculator.burners.enumerated() {
            html.raw("<li><span class=\"sw \(ReviewHTMLStyle.burnerClasses[index])\"></span>\(burner.name)</li>")
        }
        html.raw("</ul></figcaption></figure>")
        html.raw("<table><thead><tr><th>burner</th><th>hours</th><th>share</th><th>n</th><th>days at zero</th><th class=\"t\">cold</th></tr></thead><tbody>")
        for burner in review.burners {
            let path = "burners.\(burner.name)."
            html.raw("<tr><td>\(burner.name)</td>")
            html.cell(path + "hours", .number(burner.hours), burner.count > 0 ? ReviewFormat.hours(burner.hours) : "–")
            html.cell(path + "share", .number(burner.share), burner.count > 0 ? burner.share.map(ReviewFormat.percent) ?? "–" : "–")
            html.cell(path + "n", .integer(burner.count), "\(burner.count)")
            html.cell(path + "zero_run", .integer(burner.zeroRun), "\(burner.zeroRun)")
            html.cell(path + "cold", .flag(burner.isCold), burner.isCold ? "cold" : "", left: true)
            html.raw("</tr>")
        }
        html.raw("</tbody></table>")
        html.raw("<details><summary>Every week's burner hours</summary><table><thead><tr><th>week</th>")
        for burner in ReviewCalculator.burners { html.raw("<th>\(burner.name) h</th><th>n</th>") }
        html.raw("</tr></thead><tbody>")
        for week in review.weekly {
            html.raw("<tr><td>\(week.week)</td>")
            for burner in week.burners {
                let path = "weekly.\(week.week).burners.\(burner.name)."
                html.cell(path + "hours", .number(burner.hours), burner.hours.map(ReviewFormat.hours) ?? "–")
                html.cell(path + "n", .integer(burner.count), "\(burner.count)")
            }
            html.raw("</tr>")
        }
        html.raw("</tbody></table></details></section>\n")
    }
}
