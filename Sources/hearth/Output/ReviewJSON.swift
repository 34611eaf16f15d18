import JournalKit
import NoteKit

/// `hearth review --json`: every figure with the n it rests on; hidden figures are null.
enum ReviewJSON {
    static func render(_ review: Review) -> JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map { .double(ReviewFormat.figure($0)) } ?? .null }
        let fields: [(String, JSONValue)] = [
            ("window", .object([("start", .string(review.window.start.description)), ("end", .string(review.window.end.description)), ("days", .int(review.window.count))])),
            ("previous", .object([("start", .string(review.previous.start.description)), ("end", .string(review.previous.end.description))])),
            ("logged_days", .int(review.loggedDays)),
            ("levels", .array(review.levels.map { level in
                .object([("key", .string(level.key)), ("mean", number(level.mean)), ("n", .int(level.count)),
                         ("previous_mean", number(level.previousMean)), ("previous_n", .int(level.previousCount)),
                         ("change", number(level.change)), ("direction", .int(level.direction)),
                         ("series", .array(level.series.map(number)))])
            })),
            ("weeks", .array(review.weeks.map { week in
                .object([("week", .string(week.week)), ("work_h", number(week.total)), ("n", .int(week.count)),
                         ("days_elapsed", .int(week.daysElapsed)), ("target_h", number(week.target)),
                         ("risk_55h", .bool(week.isRisk)), ("over_50h", .bool(week.isOverProductive)),
                         ("had_day_off", week.hadDayOff.map(JSONValue.bool) ?? .null)])
            })),
            ("long_days", .array(review.longDays.map { .object([("date", .string($0.date.description)), ("work_h", number($0.hours))]) })),
            ("burners", .array(review.burners.map { burner in
                .object([("name", .string(burner.name)), ("hours", number(burner.hours)), ("share", number(burner.share)),
                         ("n", .int(burner.count)), ("zero_run", .int(burner.zeroRun)), ("cold", .bool(burner.isCold))])
            })),
            ("done", .object([
                ("total", .int(review.done.total)),
                ("counts", .object(review.done.counts.map { ($0.category, JSONValue.int($0.count)) })),
                ("invisible", .int(review.done.invisible)), ("invisible_share", number(review.done.invisibleShare)),
                ("low_efficacy_days", .array(review.done.lowEfficacyDays.map { day in
                    .object([("date", .string(day.date.description)),
                             ("items", .array(day.items.map { .string("\($0.category): \($0.text)") }))])
                })),
            ])),
            ("gratitude", .object([
                ("grateful", .int(review.echoes.gratefulCount)), ("learned", .int(review.echoes.learnedCount)),
                ("resurfaced", .array(review.echoes.resurfaced.map(echo))), ("on_this_day", .array(review.echoes.onThisDay.map(echo))),
            ])),
            ("signals", .object([
                ("flagged_days", .array(review.signals.flaggedDays.map { .string($0.description) })), ("n", .int(review.signals.count)),
                ("recent_flagged", .int(review.signals.recentFlagged)), ("recent_n", .int(review.signals.recentCount)),
                ("suggest_who5", .bool(review.signals.suggestsCheckIn)),
            ])),
            ("who5", .array(review.who5.map { score in
                .object([("week", .string(score.week)), ("raw", .int(score.raw)), ("percent", .int(score.percent)),
                         ("low", .bool(score.isLow)), ("change", score.change.map(JSONValue.int) ?? .null),
                         ("meaningful_change", .bool(score.isMeaningfulChange))])
            })),
            ("health", .object([
                ("flare_days", .int(review.health.flareDays)), ("flare_n", .int(review.health.flareCount)),
                ("fever_days", .int(review.health.feverDays)), ("fever_n", .int(review.health.feverCount)),
                ("glucose_readings", .int(review.health.glucoseReadings)), ("glucose_in_range", .int(review.health.glucoseInRange)),
                ("glucose_in_range_share", number(review.health.glucoseInRangeShare)),
            ])),
            ("experiments", .object([
                ("open", .int(review.experiments.open)), ("closed", .int(review.experiments.closed)),
                ("failure_mode_n", .int(review.experiments.failureModeCount)), ("failure_mode_matches", .int(review.experiments.failureModeMatches)),
                ("failure_mode_hit_rate", number(review.experiments.failureModeHitRate)),
                ("brier", number(review.experiments.brier)), ("brier_n", .int(review.experiments.brierCount)),
                ("time_overrun", number(review.experiments.timeOverrun)), ("time_n", .int(review.experiments.timeCount)),
                ("gpu_overrun", number(review.experiments.gpuOverrun)), ("gpu_n", .int(review.experiments.gpuCount)),
            ])),
            ("factors", .array(review.factors.map { effect in
                .object([("tag", .string(effect.tag)), ("key", .string(effect.key)),
                         ("with_mean", number(effect.withMean)), ("with_n", .int(effect.withCount)),
                         ("without_mean", number(effect.withoutMean)), ("without_n", .int(effect.withoutCount))])
            })),
            ("correlations", .array(review.correlations.map { correlation in
                .object([("first", .string(correlation.first)), ("second", .string(correlation.second)),
                         ("r", number(correlation.r)), ("n", .int(correlation.count))])
            })),
        ]
        return .object(fields + picture(review, number))
    }

    /// The series of `review --html`'s picture: the weeks and the heatmap.
    private static func picture(_ review: Review, _ number: (Double?) -> JSONValue) -> [(String, JSONValue)] {
        let scale: JSONValue = review.heatmap.scale.map { .array([number($0.lowerBound), number($0.upperBound)]) } ?? .null
        let days: [JSONValue] = review.heatmap.days.map { .object([("date", .string($0.date.description)), ("value", number($0.value))]) }
        return [
            ("weekly", .array(review.weekly.map { week(of: $0, number) })),
            ("heatmap", .object([("field", .string(review.heatmap.field)), ("scale", scale), ("days", .array(days))])),
        ]
    }

    /// One week of the picture's series: level means and burner hours with their n, done items by day.
    private static func week(of week: ReviewWeek, _ number: (Double?) -> JSONValue) -> JSONValue {
        var byDay: [(date: LocalDate, items: [DoneItem])] = []
        for item in week.done {
            if byDay.last?.date == item.date { byDay[byDay.count - 1].items.append(item) } else { byDay.append((item.date, [item])) }
        }
        return .object([
            ("week", .string(week.week)), ("start", .string(week.start.description)), ("end", .string(week.end.description)),
            ("days", .int(week.days)), ("logged_days", .int(week.loggedDays)),
            ("levels", .array(week.levels.map { .object([("key", .string($0.key)), ("mean", number($0.mean)), ("n", .int($0.count))]) })),
            ("burners", .array(week.burners.map { .object([("name", .string($0.name)), ("hours", number($0.hours)), ("n", .int($0.count))]) })),
            ("done", .object([
                ("total", .int(week.done.count)), ("invisible", .int(week.invisibleCount)),
                ("counts", .object(week.doneCounts.map { ($0.category, JSONValue.int($0.count)) })),
                ("days", .array(byDay.map { day in
                    .object([("date", .string(day.date.description)), ("items", .array(day.items.map { .string("\($0.category): \($0.text)") }))])
                })),
            ])),
        ])
    }

    private static func echo(_ item: EchoItem) -> JSONValue {
        .object([("date", .string(item.date.description)), ("section", .string(item.section)), ("text", .string(item.text))])
    }
}
