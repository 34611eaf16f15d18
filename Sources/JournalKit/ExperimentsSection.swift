/// Experiments: how often the predicted failure mode was the actual one, and the calibration of
/// `p_success` (Brier score against the always-50% baseline of 0.25), each with its n and
/// hidden below the minimum.
enum ExperimentsSection {
    private static let width = 720.0

    static func render(_ review: Review, into html: inout HTMLWriter) {
        let summary = review.experiments
        let minimum = ReviewRules.minimumForCalibration
        html.raw("<section id=\"experiments\"><h2>Experiments</h2><p>")
        html.figure("experiments.closed", .integer(summary.closed), "\(summary.closed)")
        html.raw(" closed, ")
        html.figure("experiments.open", .integer(summary.open), "\(summary.open)")
        html.raw(" open (all up to the range's end).</p>")
        html.raw("<table><thead><tr><th>figure</th><th>value</th><th>n</th></tr></thead><tbody>")
        html.raw("<tr><td>failure mode predicted = actual</td><td>")
        html.figure("experiments.failure_mode_matches", .integer(summary.failureModeMatches), "\(summary.failureModeMatches)")
        html.raw(" of \(summary.failureModeCount), ")
        html.figure("experiments.failure_mode_hit_rate", .number(summary.failureModeHitRate),
                    summary.failureModeHitRate.map(ReviewFormat.percent) ?? ReviewHTML.hidden(summary.failureModeCount, minimum))
        html.raw("</td>")
        html.cell("experiments.failure_mode_n", .integer(summary.failureModeCount), "\(summary.failureModeCount)")
        html.raw("</tr><tr><td>Brier score of p_success (always 50%: 0.25; lower is better)</td>")
        html.cell("experiments.brier", .number(summary.brier), summary.brier.map(ReviewFormat.twoDecimals) ?? ReviewHTML.hidden(summary.brierCount, minimum))
        html.cell("experiments.brier_n", .integer(summary.brierCount), "\(summary.brierCount)")
        html.raw("</tr><tr><td>time spent / timebox</td>")
        html.cell("experiments.time_overrun", .number(summary.timeOverrun),
                  summary.timeOverrun.map { "×" + ReviewFormat.twoDecimals($0) } ?? ReviewHTML.hidden(summary.timeCount, minimum))
        html.cell("experiments.time_n", .integer(summary.timeCount), "\(summary.timeCount)")
        html.raw("</tr><tr><td>GPU hours / budget</td>")
        html.cell("experiments.gpu_overrun", .number(summary.gpuOverrun),
                  summary.gpuOverrun.map { "×" + ReviewFormat.twoDecimals($0) } ?? ReviewHTML.hidden(summary.gpuCount, minimum))
        html.cell("experiments.gpu_n", .integer(summary.gpuCount), "\(summary.gpuCount)")
        html.raw("</tr></tbody></table>")
        gauges(summary, into: &html)
        html.raw("<p class=\"muted\">Calibration figures need \(minimum) closed experiments.</p></section>\n")
    }

    /// Two horizontal bars: the share of failure modes predicted right, and the Brier score on
    /// a 0-0.5 axis with the 0.25 baseline marked. Nothing is drawn for a hidden figure.
    private static func gauges(_ summary: ExperimentSummary, into html: inout HTMLWriter) {
        guard summary.failureModeHitRate != nil || summary.brier != nil else { return }
        let left = 220.0, barWidth = width - left - 20
        html.raw("<figure><svg viewBox=\"0 0 \(Int(width)) 64\" role=\"img\"><title>Experiments: predicted vs actual failure mode, and Brier score</title><desc>The first bar is the share of failure modes predicted right (0 to 100%), the second the Brier score (0 to 0.5, the always-50% baseline 0.25 marked); the table above gives both with n.</desc>")
        if let rate = summary.failureModeHitRate {
            html.raw("<text x=\"0\" y=\"18\">failure mode predicted right</text><rect class=\"axis\" style=\"fill:none\" x=\"\(Int(left))\" y=\"8\" width=\"\(Int(barWidth))\" height=\"14\"/>")
            html.raw("<rect class=\"bar c-blue\" x=\"\(Int(left))\" y=\"8\" width=\"\(HTMLWriter.coordinate(barWidth * rate))\" height=\"14\"><title>\(summary.failureModeMatches) of \(summary.failureModeCount) (\(ReviewFormat.percent(rate)))</title></rect>")
        }
        if let brier = summary.brier {
            let x = left + barWidth * min(brier, 0.5) / 0.5
            html.raw("<text x=\"0\" y=\"48\">Brier score (0 best, 0.25 coin flip)</text><rect class=\"axis\" style=\"fill:none\" x=\"\(Int(left))\" y=\"38\" width=\"\(Int(barWidth))\" height=\"14\"/>")
            html.raw("<rect class=\"bar \(brier < 0.25 ? "c-green" : "c-verm")\" x=\"\(Int(left))\" y=\"38\" width=\"\(HTMLWriter.coordinate(x - left))\" height=\"14\"><title>Brier \(ReviewFormat.twoDecimals(brier)) (n=\(summary.brierCount))</title></rect>")
            html.raw("<line class=\"line55\" x1=\"\(HTMLWriter.coordinate(left + barWidth / 2))\" x2=\"\(HTMLWriter.coordinate(left + barWidth / 2))\" y1=\"34\" y2=\"56\"><title>0.25: always 50%</title></line>")
        }
        html.raw("</svg></figure>")
    }
}
