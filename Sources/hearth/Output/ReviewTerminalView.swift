import JournalKit
import NoteKit

/// `hearth review` for people: aligned sections within 80 columns, sparklines with gaps for
/// missing days, and a 7-row heatmap of the last year. Colour only when the terminal allows it.
struct ReviewTerminalView {
    let review: Review
    let terminal: Terminal

    func render() -> String {
        var out = terminal.paint("Review \(review.window.start) to \(review.window.end)", .bold)
        out += " (\(review.window.count) days) vs \(review.previous.start) to \(review.previous.end)\n"
        out += "Logged \(review.loggedDays) of \(review.window.count) days\n"
        out += levels() + hours() + burners() + done() + echoes() + signals() + health() + experiments() + exploratory() + heatmap()
        return out
    }

    private func heading(_ title: String) -> String { "\n" + terminal.paint(title, .bold) + "\n" }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let count = text.count
        guard count < width else { return text }
        let padding = String(repeating: " ", count: width - count)
        return right ? padding + text : text + padding
    }

    private func levels() -> String {
        // The sparkline shows at most the last 28 days so the table stays within 80 columns.
        let days = min(review.window.count, 28)
        var out = heading("LEVELS")
        out += pad("", 12) + pad("mean", 6, right: true) + pad("n", 4, right: true) + pad("before", 8, right: true)
            + pad("n", 4, right: true) + pad("change", 9, right: true) + "   last \(days) days\n"
        for level in review.levels where level.count > 0 || level.previousCount > 0 {
            let arrow = level.direction > 0 ? "↑" : level.direction < 0 ? "↓" : " "
            let change = level.change.map { arrow + " " + ReviewFormat.signed($0) } ?? "-"
            out += pad(level.key, 12) + pad(level.mean.map(ReviewFormat.decimal) ?? "-", 6, right: true)
                + pad("\(level.count)", 4, right: true) + pad(level.previousMean.map(ReviewFormat.decimal) ?? "-", 8, right: true)
                + pad("\(level.previousCount)", 4, right: true) + pad(change, 9, right: true)
                + "   " + ReviewFormat.sparkline(Array(level.series.suffix(days)), scale: level.scale) + "\n"
        }
        out += "(a mean needs \(ReviewRules.minimumForMean) values; an arrow, a change of \(ReviewFormat.decimal(ReviewRules.arrowThreshold)) with \(ReviewRules.minimumForArrow)+ on both sides)\n"
        return out
    }

    private func hours() -> String {
        var out = heading("HOURS")
        out += pad("week", 12) + pad("work", 8, right: true) + pad("days", 7, right: true) + pad("target", 8, right: true) + "   flags\n"
        for week in review.weeks {
            let flags = ReviewMarkdown.weekFlags(week).joined(separator: ", ")
            // Not recorded is not zero: a week without work_h shows a dash.
            out += pad(week.week, 12) + pad(week.count > 0 ? ReviewFormat.hours(week.total) : "-", 8, right: true)
                + pad("\(week.count)/\(week.daysElapsed)", 7, right: true)
                + pad(week.target.map(ReviewFormat.hours) ?? "-", 8, right: true)
                + (flags.isEmpty ? "" : "   " + terminal.paint(flags, week.isRisk ? .red : .yellow)) + "\n"
        }
        if !review.longDays.isEmpty {
            out += "days of 12 h or more: " + review.longDays.map { "\($0.date) (\(ReviewFormat.hours($0.hours)) h)" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    private func burners() -> String {
        var out = heading("BURNERS")
        out += pad("", 12) + pad("hours", 8, right: true) + pad("share", 7, right: true) + pad("n", 4, right: true) + "\n"
        for burner in review.burners {
            // Not recorded is not zero: a burner without values shows dashes.
            let recorded = burner.count > 0
            out += pad(burner.name, 12) + pad(recorded ? ReviewFormat.hours(burner.hours) : "-", 8, right: true)
                + pad(recorded ? burner.share.map(ReviewFormat.percent) ?? "-" : "-", 7, right: true) + pad("\(burner.count)", 4, right: true)
            if burner.isCold { out += "   " + terminal.paint("cold: \(burner.zeroRun) logged days at zero", .yellow) }
            out += "\n"
        }
        return out
    }

    private func done() -> String {
        let recap = review.done
        var out = heading("DONE")
        out += "\(recap.total) items"
        if !recap.counts.isEmpty { out += ": " + recap.counts.map { "\($0.category) \($0.count)" }.joined(separator: ", ") }
        out += "\n"
        if let share = recap.invisibleShare {
            out += "invisible work (learn, read, review, help, chore): \(ReviewFormat.percent(share)) (\(recap.invisible) of \(recap.total))\n"
        }
        for day in recap.lowEfficacyDays where !day.items.isEmpty {
            out += "done anyway on \(day.date) (efficacy <= 1):\n"
            for item in day.items { out += "  - \(item.category): \(item.text)\n".truncated(to: 80) }
        }
        return out
    }

    private func echoes() -> String {
        var out = heading("GRATITUDE AND LEARNING")
        out += "\(review.echoes.gratefulCount) grateful, \(review.echoes.learnedCount) learned\n"
        for item in review.echoes.resurfaced { out += "  \(item.date) \(item.section): \(item.text)".truncated(to: 80) + "\n" }
        for item in review.echoes.onThisDay { out += "  on this day, \(item.date.year): \(item.section): \(item.text)".truncated(to: 80) + "\n" }
        return out
    }

    private func signals() -> String {
        let signals = review.signals
        var out = heading("SIGNALS (not a diagnosis)")
        out += "\(signals.flaggedDays.count) of \(signals.count) rated days with exhaustion >= 3, cynicism >= 2, efficacy <= 1\n"
        if signals.suggestsCheckIn {
            out += terminal.paint("\(signals.recentFlagged) of the last \(signals.recentCount) logged days: consider the WHO-5 check-in (hearth new week);\nlook at the hours and burners above.", .yellow) + "\n"
        }
        for score in review.who5 {
            // Kept to one line within 80 columns: "low" is explained by its threshold.
            out += "WHO-5 \(score.week): \(score.percent)% (raw \(score.raw)/25"
            out += score.isLow ? ", " + terminal.paint("low: < 13", .yellow) + ")" : ")"
            if let change = score.change {
                out += ", \(change >= 0 ? "+" : "")\(change) points" + (score.isMeaningfulChange ? " (meaningful)" : "")
            }
            out += "\n"
        }
        return out
    }

    private func health() -> String {
        let health = review.health
        guard health.flareCount + health.feverCount + health.glucoseReadings > 0 else { return "" }
        var out = heading("HEALTH")
        if health.flareCount > 0 { out += "flare days: \(health.flareDays) of \(health.flareCount) recorded\n" }
        if health.feverCount > 0 { out += "fever days (>= 38.0 C): \(health.feverDays) of \(health.feverCount) recorded\n" }
        if health.glucoseReadings > 0 {
            out += "glucose readings in 70-180 mg/dL: \(health.glucoseInRange) of \(health.glucoseReadings)"
            if let share = health.glucoseInRangeShare { out += " (\(ReviewFormat.percent(share)) of readings, not time in range)" }
            out += "\n"
        }
        return out
    }

    private func experiments() -> String {
        let summary = review.experiments
        guard summary.open + summary.closed > 0 else { return "" }
        var out = heading("EXPERIMENTS")
        out += "\(summary.closed) closed, \(summary.open) open\n"
        if let rate = summary.failureModeHitRate {
            out += "failure mode predicted: \(summary.failureModeMatches) of \(summary.failureModeCount) (\(ReviewFormat.percent(rate)))\n"
        }
        if let brier = summary.brier {
            out += "Brier score of p_success: \(ReviewFormat.twoDecimals(brier)) (n=\(summary.brierCount); always 50% scores 0.25)\n"
        }
        if let time = summary.timeOverrun { out += "time spent vs timebox: x\(ReviewFormat.twoDecimals(time)) (n=\(summary.timeCount))\n" }
        if let gpu = summary.gpuOverrun { out += "GPU hours vs budget: x\(ReviewFormat.twoDecimals(gpu)) (n=\(summary.gpuCount))\n" }
        return out
    }

    private func exploratory() -> String {
        guard !review.factors.isEmpty || !review.correlations.isEmpty else { return "" }
        var out = heading("EXPLORATORY (small samples; associations, not causes)")
        for effect in review.factors {
            out += "tag \(effect.tag): \(effect.key) \(ReviewFormat.decimal(effect.withMean)) with (n=\(effect.withCount)) vs \(ReviewFormat.decimal(effect.withoutMean)) without (n=\(effect.withoutCount))\n"
        }
        for correlation in review.correlations {
            out += "\(correlation.first) and \(correlation.second): r = \(ReviewFormat.twoDecimals(correlation.r)) (n=\(correlation.count))\n"
        }
        return out
    }

    /// Seven rows (Monday to Sunday) by 53 weeks; energy as bar height, `·` logged without energy,
    /// blank not logged; days after the window's end are not drawn.
    private func heatmap() -> String {
        let end = review.window.end
        let lastMonday = end.adding(days: 1 - end.isoWeekday)
        let firstMonday = lastMonday.adding(days: -52 * 7)
        let bars = Array("▁▃▄▆█")
        var out = heading("LAST YEAR (energy 1-5 as bar height; · logged without energy)")
        var monthRow = Array(repeating: Character(" "), count: 53)
        for week in 0..<53 {
            let monday = firstMonday.adding(days: week * 7)
            let sunday = monday.adding(days: 6)
            if sunday.day <= 7, week + 3 <= 53 {
                let name = Array(Self.monthNames[sunday.month - 1])
                for (offset, character) in name.enumerated() where week + offset < 53 { monthRow[week + offset] = character }
            }
        }
        out += "    " + String(monthRow).trimmingTrailingSpaces + "\n"
        for (row, label) in ["Mon", "", "Wed", "", "Fri", "", "Sun"].enumerated() {
            var line = label.padding(toLength: 4, withPad: " ", startingAt: 0)
            for week in 0..<53 {
                let date = firstMonday.adding(days: week * 7 + row)
                if date > end { break }
                guard let entry = review.year[date] else { line += " "; continue }
                if let energy = entry {
                    line.append(bars[min(4, max(0, Int(energy.rounded()) - 1))])
                } else {
                    line += "·"
                }
            }
            out += line.trimmingTrailingSpaces + "\n"
        }
        return out
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

private extension String {
    var trimmingTrailingSpaces: String { String(reversed().drop { $0 == " " }.reversed()) }

    func truncated(to width: Int) -> String {
        count <= width ? self : String(prefix(width - 1)) + "…"
    }
}
