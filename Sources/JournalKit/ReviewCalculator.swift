import NoteKit

/// Computes a ``Review`` from a notebook's entries: pure arithmetic over parsed notes, so every
/// figure can be checked by hand against a fixture notebook.
public struct ReviewCalculator: Sendable {
    /// Day entries by date (the first by path when a date has two).
    let days: [LocalDate: DayRecord]
    /// Day records sorted by date.
    let sortedDays: [DayRecord]
    /// Week entries.
    let weeks: [Note]
    /// Experiment entries.
    let experiments: [Note]
    /// Today, for resurfacing and "on this day".
    let today: LocalDate
    /// hearth.yaml's `work_target_h`.
    let weeklyTarget: Double?

    /// The levels the review follows, with the scales they are drawn on.
    public static let levelScales: [(key: String, scale: ClosedRange<Double>)] = [
        ("mood", 1...5), ("energy", 1...5), ("exhaustion", 0...4), ("cynicism", 0...4),
        ("efficacy", 0...4), ("sleep_h", 0...12), ("sleep_q", 1...5),
    ]

    /// The four burners and the keys of their hours.
    public static let burners: [(name: String, key: String)] = [
        ("work", "work_h"), ("health", "health_h"), ("family", "family_h"), ("friends", "friends_h"),
    ]

    /// The levels whose weekly means the review's picture draws as trend lines.
    public static let trendKeys = ["energy", "mood", "sleep_h"]

    /// Pairs of daily values whose correlation the review reports.
    public static let correlationPairs: [(String, String)] = [
        ("sleep_h", "energy"), ("sleep_h", "mood"), ("work_h", "mood"), ("work_h", "exhaustion"),
    ]

    /// Prepares the entries for reviews.
    public init(notes: [Note], today: LocalDate, weeklyTarget: Double?) {
        var days: [LocalDate: DayRecord] = [:]
        var weeks: [Note] = []
        var experiments: [Note] = []
        for note in notes.sorted(by: { $0.path < $1.path }) {
            switch note.kind {
            case .day:
                if let record = DayRecord(note: note), days[record.date] == nil { days[record.date] = record }
            case .week: weeks.append(note)
            case .experiment: experiments.append(note)
            default: break
            }
        }
        self.days = days
        self.sortedDays = days.values.sorted { $0.date < $1.date }
        self.weeks = weeks
        self.experiments = experiments
        self.today = today
        self.weeklyTarget = weeklyTarget
    }

    /// Every figure for `window`, compared with the window of the same length before it.
    /// The heatmap shows `heatmapField` (see ``heatmapFields``; energy by default).
    public func review(window: DateRange, heatmapField: String = "energy") -> Review {
        let inWindow = window.days.compactMap { days[$0] }
        return Review(
            window: window,
            previous: window.previous,
            loggedDays: inWindow.count,
            levels: levels(window),
            weeks: weekHours(window),
            longDays: inWindow.compactMap { day in
                day["work_h"].flatMap { $0 >= ReviewRules.longDayHours ? (day.date, $0) : nil }
            },
            burners: burnerSummaries(window, inWindow),
            done: doneRecap(inWindow),
            echoes: echoes(inWindow),
            signals: signals(window, inWindow),
            who5: who5Scores(window),
            health: health(inWindow),
            experiments: experimentSummary(upTo: window.end),
            factors: factors(inWindow),
            correlations: correlations(inWindow),
            year: year(endingOn: window.end),
            weekly: weekly(window),
            heatmap: heatmap(of: heatmapField, window: window, inWindow)
        )
    }

    // MARK: - Levels and hours

    private func levels(_ window: DateRange) -> [MetricLevel] {
        Self.levelScales.map { key, scale in
            let series = window.days.map { days[$0]?[key] }
            let current = series.compactMap { $0 }
            let previous = window.previous.days.compactMap { days[$0]?[key] }
            return MetricLevel(key: key, scale: scale,
                               mean: current.count >= ReviewRules.minimumForMean ? Self.mean(current) : nil,
                               count: current.count,
                               previousMean: previous.count >= ReviewRules.minimumForMean ? Self.mean(previous) : nil,
                               previousCount: previous.count, series: series)
        }
    }

    /// Hours of every ISO week the window touches, each summed over the whole week up to the
    /// window's end: a week's 55 h must not shrink to 23 h because the window starts on Thursday.
    private func weekHours(_ window: DateRange) -> [WeekHours] {
        var mondays: [LocalDate] = []
        for date in window.days where date.isoWeekday == 1 || date == window.start {
            mondays.append(date.adding(days: 1 - date.isoWeekday))
        }
        return mondays.map { monday in
            let name = monday.isoWeekName
            let dates = (0..<7).map { monday.adding(days: $0) }.filter { $0 <= window.end }
            let recorded = dates.compactMap { days[$0]?["work_h"] }
            let weekTarget = weeks.first { $0["week"]?.string == name }?["work_target_h"]?.double
            var hadDayOff: Bool?
            if recorded.contains(0) {
                hadDayOff = true
            } else if dates.count == 7 && recorded.count == 7 {
                hadDayOff = false
            }
            return WeekHours(week: name, total: recorded.reduce(0, +), count: recorded.count, daysElapsed: dates.count,
                             target: weekTarget ?? weeklyTarget, hadDayOff: hadDayOff)
        }
    }

    private func burnerSummaries(_ window: DateRange, _ inWindow: [DayRecord]) -> [BurnerSummary] {
        let totals = Self.burners.map { burner in inWindow.compactMap { $0[burner.key] }.reduce(0, +) }
        let all = totals.reduce(0, +)
        return zip(Self.burners, totals).map { burner, hours in
            var zeroRun = 0
            for day in sortedDays.reversed() where day.date <= window.end {
                guard let value = day[burner.key] else { continue }
                if value != 0 { break }
                zeroRun += 1
            }
            return BurnerSummary(name: burner.name, key: burner.key, hours: hours,
                                 count: inWindow.filter { $0[burner.key] != nil }.count,
                                 share: all > 0 ? hours / all : nil, zeroRun: zeroRun)
        }
    }

    // MARK: - Done, gratitude, signals

    private func doneRecap(_ inWindow: [DayRecord]) -> DoneRecap {
        let items = inWindow.flatMap(\.done)
        let sorted = DoneRecap.counts(of: items)
        let lowEfficacy = inWindow.filter { ($0["efficacy"] ?? 5) <= 1 }.map { (date: $0.date, items: $0.done) }
        return DoneRecap(counts: sorted, total: items.count,
                         invisible: items.filter { DayLog.invisibleCategories.contains($0.category) }.count,
                         lowEfficacyDays: lowEfficacy)
    }

    private func echoes(_ inWindow: [DayRecord]) -> EchoSummary {
        func items(of day: DayRecord) -> [EchoItem] {
            day.grateful.map { EchoItem(date: day.date, section: "grateful", text: $0) }
                + day.learned.map { EchoItem(date: day.date, section: "learned", text: $0) }
        }
        // The three most recent years are enough to remember; a decade would crowd the screen.
        let onThisDay = sortedDays.filter { $0.date.month == today.month && $0.date.day == today.day && $0.date.year < today.year }
            .suffix(3).flatMap(items)
        // What "on this day" already shows is not resurfaced a second time.
        let shownToday = Set(onThisDay)
        let cutoff = today.adding(days: -ReviewRules.resurfaceAfterDays)
        let pool = sortedDays.filter { $0.date <= cutoff }.flatMap(items).filter { !shownToday.contains($0) }
        // The same day always brings back the same items; a new day, others.
        var generator = SplitMix64(seed: UInt64(bitPattern: Int64(today.dayNumber)))
        var indices = Array(pool.indices)
        var chosen: [EchoItem] = []
        while chosen.count < 3 && !indices.isEmpty {
            let pick = Int(generator.next() % UInt64(indices.count))
            chosen.append(pool[indices.remove(at: pick)])
        }
        return EchoSummary(gratefulCount: inWindow.reduce(0) { $0 + $1.grateful.count },
                           learnedCount: inWindow.reduce(0) { $0 + $1.learned.count },
                           resurfaced: chosen.sorted { $0.date < $1.date }, onThisDay: onThisDay)
    }

    private static func isFlagged(_ day: DayRecord) -> Bool? {
        guard let exhaustion = day["exhaustion"], let cynicism = day["cynicism"], let efficacy = day["efficacy"] else { return nil }
        return exhaustion >= 3 && cynicism >= 2 && efficacy <= 1
    }

    private func signals(_ window: DateRange, _ inWindow: [DayRecord]) -> SignalSummary {
        let rated = inWindow.filter { Self.isFlagged($0) != nil }
        let recent = sortedDays.filter { $0.date <= window.end }.suffix(7)
        return SignalSummary(flaggedDays: rated.filter { Self.isFlagged($0) == true }.map(\.date), count: rated.count,
                             recentFlagged: recent.filter { Self.isFlagged($0) == true }.count, recentCount: recent.count)
    }

    private func who5Scores(_ window: DateRange) -> [WHO5Score] {
        let scored: [(week: String, raw: Int)] = weeks.compactMap { note in
            guard let name = note["week"]?.string, let answers = note["who5"]?.list, answers.count == 5 else { return nil }
            let values = answers.compactMap(\.int)
            guard values.count == 5, values.allSatisfy({ (0...5).contains($0) }) else { return nil }
            return (name, values.reduce(0, +))
        }.sorted { $0.week < $1.week }
        var result: [WHO5Score] = []
        for (index, score) in scored.enumerated() {
            guard let monday = Self.monday(ofWeek: score.week),
                  window.contains(monday) || window.contains(monday.adding(days: 6)) || (monday < window.start && monday.adding(days: 6) > window.end) else { continue }
            let change = index > 0 ? (score.raw - scored[index - 1].raw) * 4 : nil
            result.append(WHO5Score(week: score.week, raw: score.raw, change: change))
        }
        return result
    }

    // MARK: - Health, experiments, factors

    private func health(_ inWindow: [DayRecord]) -> HealthSummary {
        let flares = inWindow.compactMap { $0["flare"] }
        let fevers = inWindow.compactMap { $0["fever_c"] }
        let readings = inWindow.flatMap(\.glucose)
        return HealthSummary(flareDays: flares.filter { $0 >= 1 }.count, flareCount: flares.count,
                             feverDays: fevers.filter { $0 >= ReviewRules.feverCelsius }.count, feverCount: fevers.count,
                             glucoseReadings: readings.count,
                             glucoseInRange: readings.filter { ReviewRules.glucoseRange.contains($0) }.count)
    }

    private func experimentSummary(upTo end: LocalDate) -> ExperimentSummary {
        let started = experiments.filter { ($0.date ?? .distantPast) <= end }
        let closed = started.filter { !($0["outcome"]?.isNull ?? true) }
        let modes = closed.compactMap { note -> Bool? in
            guard let predicted = note["predicted_failure"]?.string, let actual = note["actual_failure"]?.string else { return nil }
            return predicted == actual
        }
        let brierTerms = closed.compactMap { note -> Double? in
            guard let p = note["p_success"]?.double, p.isFinite, let outcome = note["outcome"]?.string,
                  outcome == "success" || outcome == "failure" else { return nil }
            let o: Double = outcome == "success" ? 1 : 0
            return (p - o) * (p - o)
        }
        func ratios(_ spent: String, _ budget: String) -> [Double] {
            closed.compactMap { note in
                guard let used = note[spent]?.double, let planned = note[budget]?.double,
                      used.isFinite, planned.isFinite, planned > 0 else { return nil }
                return used / planned
            }
        }
        let time = ratios("spent_h", "timebox_h")
        let gpu = ratios("gpu_h", "budget_gpu_h")
        let minimum = ReviewRules.minimumForCalibration
        return ExperimentSummary(open: started.count - closed.count, closed: closed.count,
                                 failureModeCount: modes.count, failureModeMatches: modes.filter { $0 }.count,
                                 brier: brierTerms.count >= minimum ? Self.mean(brierTerms) : nil, brierCount: brierTerms.count,
                                 timeOverrun: time.count >= minimum ? Self.mean(time) : nil, timeCount: time.count,
                                 gpuOverrun: gpu.count >= minimum ? Self.mean(gpu) : nil, gpuCount: gpu.count)
    }

    private func factors(_ inWindow: [DayRecord]) -> [FactorEffect] {
        let tags = Set(inWindow.flatMap(\.tags)).sorted()
        var effects: [FactorEffect] = []
        for tag in tags {
            for key in ["mood", "energy"] {
                let with = inWindow.filter { $0.tags.contains(tag) }.compactMap { $0[key] }
                let without = inWindow.filter { !$0.tags.contains(tag) }.compactMap { $0[key] }
                guard with.count >= ReviewRules.minimumForFactor, without.count >= ReviewRules.minimumForFactor else { continue }
                effects.append(FactorEffect(tag: tag, key: key, withMean: Self.mean(with), withCount: with.count,
                                            withoutMean: Self.mean(without), withoutCount: without.count))
            }
        }
        return effects
    }

    private func correlations(_ inWindow: [DayRecord]) -> [Correlation] {
        Self.correlationPairs.compactMap { first, second in
            let pairs = inWindow.compactMap { day -> (Double, Double)? in
                guard let x = day[first], let y = day[second] else { return nil }
                return (x, y)
            }
            guard pairs.count >= ReviewRules.minimumForCorrelation, let r = Self.pearson(pairs) else { return nil }
            return Correlation(first: first, second: second, r: r, count: pairs.count)
        }
    }

    // MARK: - The picture's series

    /// The weeks of the window, each cut to the days it has in the window.
    private func weekly(_ window: DateRange) -> [ReviewWeek] {
        var result: [ReviewWeek] = []
        var start = window.start
        while start <= window.end {
            let end = min(window.end, start.adding(days: 7 - start.isoWeekday))
            let logged = DateRange(start: start, end: end).days.compactMap { days[$0] }
            let levels = Self.trendKeys.map { key in
                let values = logged.compactMap { $0[key] }
                return WeekMean(key: key, mean: values.count >= ReviewRules.minimumForMean ? Self.mean(values) : nil, count: values.count)
            }
            let burners = Self.burners.map { burner in
                let values = logged.compactMap { $0[burner.key] }
                return WeekBurner(name: burner.name, hours: values.isEmpty ? nil : values.reduce(0, +), count: values.count)
            }
            result.append(ReviewWeek(week: start.isoWeekName, start: start, end: end, loggedDays: logged.count,
                                     levels: levels, burners: burners, done: logged.flatMap(\.done)))
            start = end.adding(days: 1)
        }
        return result
    }

    private func heatmap(of field: String, window: DateRange, _ inWindow: [DayRecord]) -> ReviewHeatmap {
        let days = inWindow.map { (date: $0.date, value: $0[field]) }
        let values = days.compactMap(\.value)
        let scale = Self.levelScales.first { $0.key == field }?.scale
            ?? values.min().flatMap { low in values.max().map { low...$0 } }
        return ReviewHeatmap(field: field, scale: scale, days: days)
    }

    /// The day fields a heatmap can draw: the numeric keys journal.md gives a day entry, and any
    /// other key that holds a number in some day entry (the user's own), sorted.
    public var heatmapFields: [String] {
        var fields = Set<String>()
        for (key, type) in KindSchema.day.fields {
            switch type {
            case .integer, .number: fields.insert(key)
            default: break
            }
        }
        for day in sortedDays {
            for key in day.numbers.keys where KindSchema.day.fields[key] == nil { fields.insert(key) }
        }
        return fields.sorted()
    }

    private func year(endingOn end: LocalDate) -> [LocalDate: Double?] {
        var result: [LocalDate: Double?] = [:]
        for day in sortedDays where day.date <= end && day.date > end.adding(days: -371) {
            result[day.date] = .some(day["energy"])
        }
        return result
    }

    // MARK: - Arithmetic

    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

    static func pearson(_ pairs: [(Double, Double)]) -> Double? {
        let n = Double(pairs.count)
        let meanX = pairs.reduce(0) { $0 + $1.0 } / n
        let meanY = pairs.reduce(0) { $0 + $1.1 } / n
        var covariance = 0.0, varianceX = 0.0, varianceY = 0.0
        for (x, y) in pairs {
            covariance += (x - meanX) * (y - meanY)
            varianceX += (x - meanX) * (x - meanX)
            varianceY += (y - meanY) * (y - meanY)
        }
        guard varianceX > 0, varianceY > 0 else { return nil }
        return covariance / (varianceX * varianceY).squareRoot()
    }

    /// The Monday of an ISO week name such as `2026-W47`.
    static func monday(ofWeek name: String) -> LocalDate? {
        let parts = name.split(separator: "-W")
        guard parts.count == 2, let year = Int(parts[0]), let week = Int(parts[1]),
              let january4 = LocalDate(year: year, month: 1, day: 4) else { return nil }
        // January 4 is always in week 1.
        return january4.adding(days: 1 - january4.isoWeekday + (week - 1) * 7)
    }
}
