import NoteKit

/// The review as Markdown: `hearth review --md`, and the recap `hearth review --write` puts into
/// a new week entry. Every figure carries its n; figures below their minimum n are left out.
public enum ReviewMarkdown {
    /// The whole review as Markdown sections.
    public static func render(_ review: Review) -> String {
        var out = "## Review \(review.window.start) to \(review.window.end)\n\n"
        out += "Logged \(review.loggedDays) of \(review.window.count) days.\n\n"
        out += "### Levels\n\n| level | mean | n | previous | n | change |\n|---|---:|---:|---:|---:|---:|\n"
        for level in review.levels where level.count > 0 || level.previousCount > 0 {
            out += "| \(level.key) | \(level.mean.map(ReviewFormat.decimal) ?? "–") | \(level.count) "
            out += "| \(level.previousMean.map(ReviewFormat.decimal) ?? "–") | \(level.previousCount) "
            out += "| \(level.change.map(ReviewFormat.signed) ?? "–") |\n"
        }
        out += "\n### Hours\n\n"
        for week in review.weeks {
            guard week.count > 0 else {
                out += "- \(week.week): no work hours recorded\n"
                continue
            }
            out += "- \(week.week): \(ReviewFormat.hours(week.total)) h of work on \(week.count) logged days"
            if let target = week.target { out += " (target \(ReviewFormat.hours(target)) h)" }
            let flags = weekFlags(week)
            if !flags.isEmpty { out += "; " + flags.joined(separator: ", ") }
            out += "\n"
        }
        for day in review.longDays { out += "- long day: \(day.date) (\(ReviewFormat.hours(day.hours)) h)\n" }
        out += "\n### Burners\n\n"
        for burner in review.burners {
            out += "- \(burner.name): \(ReviewFormat.hours(burner.hours)) h"
            if let share = burner.share { out += " (\(ReviewFormat.percent(share)))" }
            out += ", n=\(burner.count)"
            if burner.isCold { out += "; cold: \(burner.zeroRun) logged days at zero" }
            out += "\n"
        }
        out += "\n### Done\n\n"
        out += "\(review.done.total) items: " + review.done.counts.map { "\($0.category) \($0.count)" }.joined(separator: ", ") + "\n"
        if let share = review.done.invisibleShare {
            out += "\nInvisible work (learn, read, review, help, chore): \(ReviewFormat.percent(share)) (\(review.done.invisible) of \(review.done.total)).\n"
        }
        for day in review.done.lowEfficacyDays where !day.items.isEmpty {
            out += "\nDone on \(day.date), a low-efficacy day, anyway:\n"
            for item in day.items { out += "- \(item.category): \(item.text)\n" }
        }
        out += "\n### Gratitude and learning\n\n\(review.echoes.gratefulCount) grateful, \(review.echoes.learnedCount) learned.\n"
        for item in review.echoes.resurfaced + review.echoes.onThisDay {
            out += "- \(item.date) \(item.section): \(item.text)\n"
        }
        out += "\n### Signals\n\n"
        out += "\(review.signals.flaggedDays.count) of \(review.signals.count) rated days with exhaustion >= 3, cynicism >= 2 and efficacy <= 1.\n"
        if review.signals.suggestsCheckIn {
            out += "\nOn \(review.signals.recentFlagged) of the last \(review.signals.recentCount) logged days: consider the WHO-5 check-in and look at hours and burners.\n"
        }
        for score in review.who5 {
            out += "\nWHO-5 \(score.week): \(score.percent)% (raw \(score.raw))"
            if score.isLow { out += ", low well-being" }
            if let change = score.change { out += ", \(change >= 0 ? "+" : "")\(change) points" + (score.isMeaningfulChange ? " (meaningful)" : "") }
            out += ".\n"
        }
        return out
    }

    /// The warning labels of a week's hours.
    public static func weekFlags(_ week: WeekHours) -> [String] {
        var flags: [String] = []
        // Short enough that the terminal's hours row (38 columns before the flags) with both
        // flags stays within 80 columns.
        if week.isRisk {
            flags.append(">= 55 h (stroke/heart risk)")
        } else if week.isOverProductive {
            flags.append("> 50 h (output per hour falls)")
        }
        if week.hadDayOff == false { flags.append("no day off") }
        return flags
    }
}
