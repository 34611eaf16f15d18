/// Burnout signals, worded as the terminal review words them: signals, not a diagnosis.
enum SignalsSection {
    static func render(_ review: Review, into html: inout HTMLWriter) {
        let signals = review.signals
        html.raw("<section id=\"signals\"><h2>Signals (not a diagnosis)</h2><p>\(signals.flaggedDays.count) of ")
        html.figure("signals.n", .integer(signals.count), "\(signals.count)")
        html.raw(" rated days with exhaustion ≥ 3, cynicism ≥ 2 and efficacy ≤ 1.</p>")
        if !signals.flaggedDays.isEmpty {
            html.raw("<p>Those days: ")
            for (index, date) in signals.flaggedDays.enumerated() {
                if index > 0 { html.raw(", ") }
                html.figure("signals.flagged_days.\(index)", .text(date.description), date.description)
            }
            html.raw(".</p>")
        }
        html.raw("<p>In the last logged days up to the range's end: ")
        html.figure("signals.recent_flagged", .integer(signals.recentFlagged), "\(signals.recentFlagged)")
        html.raw(" of ")
        html.figure("signals.recent_n", .integer(signals.recentCount), "\(signals.recentCount)")
        html.raw(" flagged.")
        html.figure("signals.suggest_who5", .flag(signals.suggestsCheckIn), "")
        html.raw("</p>")
        if signals.suggestsCheckIn {
            html.raw("<p class=\"note\">On \(signals.recentFlagged) of the last \(signals.recentCount) logged days: consider the WHO-5 check-in and look at the hours and burners above.</p>")
        }
        html.raw("<p class=\"muted\">Exhaustion, cynicism and efficacy are personal 0-4 signals, not a validated instrument: these are signals, not a diagnosis.</p>")
        html.raw("</section>\n")
    }
}
