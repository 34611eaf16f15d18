import NoteKit

/// A column chart in inline SVG, one column per week: stacked segments, each with its
/// `<title>` (what a pointer shows and a screen reader reads), horizontal reference lines and a
/// tick per column (a weekly target). A column without segments is a gap, never a zero bar.
struct BarChart {
    struct Segment {
        let value: Double
        let cssClass: String
        let title: String
    }

    struct Column {
        let label: LocalDate
        let segments: [Segment]
        var tick: Double?
    }

    struct Line {
        let value: Double
        let cssClass: String
        let label: String
    }

    let title: String
    let description: String
    let columns: [Column]
    var lines: [Line] = []
    var unit = ""

    static let width = 720.0
    static let height = 200.0
    private static let left = 34.0
    private static let right = 8.0
    private static let top = 10.0
    private static let bottom = 22.0

    func render(into html: inout HTMLWriter) {
        let top = max(columns.map { column in max(column.segments.reduce(0) { $0 + $1.value }, column.tick ?? 0) }.max() ?? 0,
                      lines.map(\.value).max() ?? 0, 1)
        let tickStep = Self.niceCeiling(top * 1.05 / 4)
        let scaleTop = tickStep * (top * 1.05 / tickStep).rounded(.up)
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let step = plotWidth / Double(max(columns.count, 1))
        let barWidth = min(max(step * 0.8, 0.5), 28)
        func y(_ value: Double) -> String { HTMLWriter.coordinate(Self.top + plotHeight * (1 - value / scaleTop)) }
        html.raw("<svg viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\"><title>")
        html.text(title)
        html.raw("</title><desc>")
        html.text(description)
        html.raw("</desc>")
        for tick in stride(from: 0, through: scaleTop + tickStep / 1000, by: tickStep) {
            html.raw("<line class=\"axis\" x1=\"\(HTMLWriter.coordinate(Self.left))\" x2=\"\(HTMLWriter.coordinate(Self.width - Self.right))\" y1=\"\(y(tick))\" y2=\"\(y(tick))\"/>")
            html.raw("<text x=\"\(HTMLWriter.coordinate(Self.left - 4))\" y=\"\(y(tick))\" dy=\"3\" text-anchor=\"end\">\(ReviewFormat.hours(tick))\(unit)</text>")
        }
        for (index, column) in columns.enumerated() {
            let x = Self.left + step * Double(index) + (step - barWidth) / 2
            var base = 0.0
            for segment in column.segments where segment.value > 0 {
                html.raw("<rect class=\"bar \(segment.cssClass)\" x=\"\(HTMLWriter.coordinate(x))\" y=\"\(y(base + segment.value))\" width=\"\(HTMLWriter.coordinate(barWidth))\" height=\"\(HTMLWriter.coordinate(plotHeight * segment.value / scaleTop))\"><title>")
                html.text(segment.title)
                html.raw("</title></rect>")
                base += segment.value
            }
            if let tick = column.tick {
                html.raw("<line class=\"target\" x1=\"\(HTMLWriter.coordinate(x))\" x2=\"\(HTMLWriter.coordinate(x + barWidth))\" y1=\"\(y(tick))\" y2=\"\(y(tick))\"/>")
            }
        }
        for (number, line) in lines.enumerated() {
            html.raw("<line class=\"\(line.cssClass)\" x1=\"\(HTMLWriter.coordinate(Self.left))\" x2=\"\(HTMLWriter.coordinate(Self.width - Self.right))\" y1=\"\(y(line.value))\" y2=\"\(y(line.value))\"><title>")
            html.text(line.label)
            html.raw("</title></line><text x=\"\(HTMLWriter.coordinate(Self.width - Self.right - 2))\" y=\"\(y(line.value))\" dy=\"\(number % 2 == 0 ? -3 : 10)\" text-anchor=\"end\" class=\"ref\">")
            html.text(line.label)
            html.raw("</text>")
        }
        Self.monthLabels(columns.map(\.label), step: step, left: Self.left, baseline: Self.height - 6, into: &html)
        html.raw("</svg>")
    }

    /// Month names under the first week of each month (years alone when the chart spans more
    /// than two years), shared with the trend chart.
    static func monthLabels(_ dates: [LocalDate], step: Double, left: Double, baseline: Double, into html: inout HTMLWriter) {
        let yearsOnly = dates.count > 106
        var previous: LocalDate?
        var lastX = -Double.infinity
        for (index, date) in dates.enumerated() {
            defer { previous = date }
            let x = left + step * Double(index)
            let label: String
            if let previous {
                if yearsOnly {
                    guard date.year != previous.year else { continue }
                    label = String(date.year)
                } else {
                    guard date.month != previous.month else { continue }
                    label = date.month == 1 ? "\(monthNames[0]) \(date.year)" : monthNames[date.month - 1]
                }
            } else {
                label = yearsOnly ? String(date.year) : "\(monthNames[date.month - 1]) \(date.year)"
            }
            // A label too close to the one before (a partial first month) is left out.
            guard x - lastX >= Double(label.count) * 6 + 4 else { continue }
            lastX = x
            html.raw("<text x=\"\(HTMLWriter.coordinate(x))\" y=\"\(HTMLWriter.coordinate(baseline))\">\(label)</text>")
        }
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// 1, 2 or 5 times a power of ten at or above `value`.
    static func niceCeiling(_ value: Double) -> Double {
        var magnitude = 1.0
        while magnitude * 10 <= value { magnitude *= 10 }
        for factor in [1.0, 2, 5, 10] where factor * magnitude >= value { return factor * magnitude }
        return 10 * magnitude
    }
}
