import Foundation
@testable import JournalKit
import NoteKit
import Testing

/// Every figure of `ReviewCalculator` on the hand-built notebook `Fixtures/journal`, against
/// numbers worked out by hand from the fixture's files (the arithmetic is in the comments).
///
/// The fixture, by ISO week (today is Sunday 2026-11-22):
/// - W42 (10-12..10-18): 3 logged days (12, 14, 17), too few values for most means.
/// - W43 (10-19..10-25): 10-19..10-24 logged; items here are older than 30 days (except 10-24).
/// - W44 (10-26..11-01): 6 logged, no exhaustion/cynicism/efficacy; WHO-5 15.
/// - W45 (11-02..11-08): 6 logged (11-06 missing), a day off on 11-07.
/// - W46 (11-09..11-15): all 7 logged, 56 h, no day off, target 45; WHO-5 14.
/// - W47 (11-16..11-22): 6 logged (11-19 missing), 52 h, a 12 h day, burnout signals; WHO-5 10.
/// - 2025-11-22: one day a year ago, for "on this day".
@Suite struct ReviewCalculatorTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/journal").standardizedFileURL

    static let notes: [Note] = Notebook(root: root).scan().notes

    static func calculator(today: String = "2026-11-22", target: Double? = 40) -> ReviewCalculator {
        ReviewCalculator(notes: notes, today: .d(today), weeklyTarget: target)
    }

    /// The default window: the last 7 days, 11-16..11-22.
    static let week = calculator().review(window: DateRange(days: 7, endingOn: .d("2026-11-22")))
    /// Two weeks, 11-09..11-22, compared with 10-26..11-08.
    static let fortnight = calculator().review(window: DateRange(days: 14, endingOn: .d("2026-11-22")))
    /// A sparse week in the past, 10-12..10-18, compared with 10-05..10-11 (nothing logged).
    static let sparse = calculator().review(window: DateRange(days: 7, endingOn: .d("2026-10-18")))
    /// Four weeks, 10-26..11-22, long enough for correlations.
    static let month = calculator().review(window: DateRange(days: 28, endingOn: .d("2026-11-22")))

    // MARK: - Helpers

    func level(_ review: Review, _ key: String) throws -> MetricLevel {
        try #require(review.levels.first { $0.key == key }, "no level \(key)")
    }

    func close(_ actual: Double?, _ expected: Double, accuracy: Double = 1e-9,
               sourceLocation: SourceLocation = #_sourceLocation) {
        guard let actual else {
            Issue.record("expected \(expected), got nil", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(actual - expected) <= accuracy, "expected \(expected), got \(actual)", sourceLocation: sourceLocation)
    }

    /// Checks one level row: mean, n, previous mean, previous n, change, direction, sparkline.
    func expectLevel(_ review: Review, _ key: String, mean: Double?, n: Int, previous: Double?, previousN: Int,
                     change: Double?, direction: Int, sparkline: String,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let level = try level(review, key)
        if let mean { close(level.mean, mean, sourceLocation: sourceLocation) } else {
            #expect(level.mean == nil, "\(key) mean should be hidden", sourceLocation: sourceLocation)
        }
        #expect(level.count == n, "\(key) n", sourceLocation: sourceLocation)
        if let previous { close(level.previousMean, previous, sourceLocation: sourceLocation) } else {
            #expect(level.previousMean == nil, "\(key) previous mean should be hidden", sourceLocation: sourceLocation)
        }
        #expect(level.previousCount == previousN, "\(key) previous n", sourceLocation: sourceLocation)
        if let change { close(level.change, change, sourceLocation: sourceLocation) } else {
            #expect(level.change == nil, "\(key) change should be hidden", sourceLocation: sourceLocation)
        }
        #expect(level.direction == direction, "\(key) direction", sourceLocation: sourceLocation)
        #expect(ReviewFormat.sparkline(level.series, scale: level.scale) == sparkline, "\(key) sparkline",
                sourceLocation: sourceLocation)
        #expect(level.series.count == review.window.count, sourceLocation: sourceLocation)
    }

    func doneText(_ items: [DoneItem]) -> [String] { items.map { "\($0.category): \($0.text)" } }

    // MARK: - The fixture itself

    @Test func theFixtureReadsWithoutDiagnostics() {
        let scan = Notebook(root: Self.root).scan()
        #expect(scan.diagnostics.isEmpty, "\(scan.diagnostics)")
        // 35 days (34 in 2026, 1 in 2025), 3 weeks, 6 experiments.
        #expect(scan.notes.filter { $0.kind == .day }.count == 35)
        #expect(scan.notes.filter { $0.kind == .week }.count == 3)
        #expect(scan.notes.filter { $0.kind == .experiment }.count == 6)
    }

    // MARK: - The default window, 2026-11-16..2026-11-22

    @Test func defaultWindowCoverage() {
        #expect(Self.week.window == DateRange(start: .d("2026-11-16"), end: .d("2026-11-22")))
        #expect(Self.week.previous == DateRange(start: .d("2026-11-09"), end: .d("2026-11-15")))
        // 16, 17, 18, 20, 21, 22 logged; 19 missing.
        #expect(Self.week.loggedDays == 6)
        #expect(Self.week.window.count == 7)
    }

    @Test func defaultWindowLevels() throws {
        let review = Self.week
        // Scales: mood/energy 1-5 -> bar index round((v-1)/4*7): 1▁ 2▃ 3▅ 4▆ 5█;
        // 0-4 items -> round(v/4*7): 0▁ 1▃ 2▅ 3▆ 4█; sleep 0-12 -> round(v/12*7): 5,5.5▄ 6,7,7.5▅.
        // mood: (2+2+1+3+2+2)/6 = 12/6 = 2.0; before (3+3+4+3+3+3+2)/7 = 21/7 = 3.0; change -1.0, n 6 and 7 -> down.
        try expectLevel(review, "mood", mean: 2.0, n: 6, previous: 3.0, previousN: 7,
                        change: -1.0, direction: -1, sparkline: "▃▃▁ ▅▃▃")
        // energy: (2+2+1+3+2+3)/6 = 13/6 = 2.1667; before (3+3+3+4+3+3+2)/7 = 3.0; change -0.8333 -> down.
        try expectLevel(review, "energy", mean: 13.0 / 6, n: 6, previous: 3.0, previousN: 7,
                        change: 13.0 / 6 - 3, direction: -1, sparkline: "▃▃▁ ▅▃▅")
        // exhaustion: (3+3+4+2+3+2)/6 = 17/6; before (2+2+2+1+2+3+3)/7 = 15/7; change 29/42 = +0.69 -> up.
        try expectLevel(review, "exhaustion", mean: 17.0 / 6, n: 6, previous: 15.0 / 7, previousN: 7,
                        change: 29.0 / 42, direction: 1, sparkline: "▆▆█ ▅▆▅")
        // cynicism: 11-20 has none -> (2+3+2+2+1)/5 = 2.0; before (1+1+1+1+1+2+2)/7 = 9/7; change 5/7 = +0.71 -> up.
        try expectLevel(review, "cynicism", mean: 2.0, n: 5, previous: 9.0 / 7, previousN: 7,
                        change: 5.0 / 7, direction: 1, sparkline: "▅▆▅  ▅▃")
        // efficacy: (1+0+1+2+1+2)/6 = 7/6; before (3+2+3+2+2+1+1)/7 = 2.0; change -5/6 -> down.
        try expectLevel(review, "efficacy", mean: 7.0 / 6, n: 6, previous: 2.0, previousN: 7,
                        change: -5.0 / 6, direction: -1, sparkline: "▃▁▃ ▅▃▅")
        // sleep_h: 11-21 has `sleep_h:` empty (not recorded) -> (6+5.5+5+7+7.5)/5 = 31/5 = 6.2;
        // before (7+7+7+7+7.5+6.5+7)/7 = 49/7 = 7.0; change -0.8 -> down.
        try expectLevel(review, "sleep_h", mean: 6.2, n: 5, previous: 7.0, previousN: 7,
                        change: -0.8, direction: -1, sparkline: "▅▄▄ ▅ ▅")
        // sleep_q: only 2 values (2, 2) -> hidden below 3; before 3, 3, 3 -> 3.0; no change without both.
        try expectLevel(review, "sleep_q", mean: nil, n: 2, previous: 3.0, previousN: 3,
                        change: nil, direction: 0, sparkline: "▃▃     ")
    }

    @Test func defaultWindowHours() {
        let review = Self.week
        #expect(review.weeks.count == 1)
        let week = review.weeks[0]
        #expect(week.week == "2026-W47")
        // 12 + 9 + 10 + 8 + 9 + 4 = 52 on 6 logged days (11-19 missing).
        #expect(week.total == 52)
        #expect(week.count == 6)
        #expect(week.daysElapsed == 7)
        // The W47 entry sets no target: hearth.yaml's 40.
        #expect(week.target == 40)
        // 52 > 50 but < 55.
        #expect(week.isOverProductive)
        #expect(!week.isRisk)
        // No recorded zero, and 11-19 is unknown: whether there was a day off cannot be known.
        #expect(week.hadDayOff == nil)
        #expect(ReviewMarkdown.weekFlags(week) == ["> 50 h (output per hour falls)"])
        // 11-16: work_h 12 (>= 12); nothing else reaches 12.
        #expect(review.longDays.map(\.date) == [.d("2026-11-16")])
        #expect(review.longDays.map(\.hours) == [12])
    }

    @Test func defaultWindowBurners() {
        let burners = Self.week.burners
        #expect(burners.map(\.name) == ["work", "health", "family", "friends"])
        // work 52 (n 6); health 1+0+0.5+1+0+1.5 = 4 (n 6); family 1+0.5+1+1+2.5 = 6 (n 5, none on 11-20);
        // friends 0 (n 6). All burners: 52 + 4 + 6 + 0 = 62.
        #expect(burners.map(\.hours) == [52, 4, 6, 0])
        #expect(burners.map(\.count) == [6, 6, 5, 6])
        close(burners[0].share, 52.0 / 62)
        close(burners[1].share, 4.0 / 62)
        close(burners[2].share, 6.0 / 62)
        close(burners[3].share, 0)
        #expect(burners.compactMap(\.share).map(ReviewFormat.percent) == ["84%", "6%", "10%", "0%"])
        // friends_h: 0 on 22, 21, 20, 18, 17, 16, 15, (14 not recorded, skipped), 13 -> 8; 2 on 11-12 ends it.
        // work, health and family are non-zero on 11-22.
        #expect(burners.map(\.zeroRun) == [0, 0, 0, 8])
        #expect(burners.map(\.isCold) == [false, false, false, true])
    }

    @Test func defaultWindowDone() {
        let done = Self.week.done
        // 16: ship, help; 17: chore; 18: none; 20: review, ship, "tidied the desk" (other); 21: read; 22: learn.
        #expect(done.total == 8)
        #expect(done.counts.map(\.category) == ["ship", "chore", "help", "learn", "other", "read", "review"])
        #expect(done.counts.map(\.count) == [2, 1, 1, 1, 1, 1, 1])
        // Invisible: help, chore, review, read, learn = 5 of 8 = 62.5%.
        #expect(done.invisible == 5)
        close(done.invisibleShare, 5.0 / 8)
        // efficacy <= 1: 16 (1), 17 (0), 18 (1, nothing done), 21 (1).
        #expect(done.lowEfficacyDays.map(\.date) == [.d("2026-11-16"), .d("2026-11-17"), .d("2026-11-18"), .d("2026-11-21")])
        #expect(done.lowEfficacyDays.map { doneText($0.items) } == [
            ["ship: release 1.2", "help: paired on a flaky test"],
            ["chore: expense report"],
            [],
            ["read: paper on burnout"],
        ])
    }

    @Test func defaultWindowGratitude() {
        let echoes = Self.week.echoes
        // Grateful: 16 (1), 20 (2), 22 (1) = 4. Learned: 18 (1), 21 (1) = 2.
        #expect(echoes.gratefulCount == 4)
        #expect(echoes.learnedCount == 2)
        // On this day: 2025-11-22, grateful then learned.
        #expect(echoes.onThisDay == [
            EchoItem(date: .d("2025-11-22"), section: "grateful", text: "first snow of the winter"),
            EchoItem(date: .d("2025-11-22"), section: "learned", text: "how to fold dumplings"),
        ])
    }

    /// Every item written on or before 2026-10-23 (30 days before 2026-11-22), except the two of
    /// 2025-11-22, which "on this day" shows already.
    static let poolFor1122: Set<EchoItem> = [
        EchoItem(date: .d("2026-10-12"), section: "grateful", text: "morning light on the river"),
        EchoItem(date: .d("2026-10-12"), section: "learned", text: "CRDTs merge without a server"),
        EchoItem(date: .d("2026-10-14"), section: "grateful", text: "call with grandma"),
        EchoItem(date: .d("2026-10-17"), section: "grateful", text: "hike at the lake"),
        EchoItem(date: .d("2026-10-17"), section: "learned", text: "how to sharpen a knife"),
        EchoItem(date: .d("2026-10-19"), section: "grateful", text: "warm soup"),
        EchoItem(date: .d("2026-10-21"), section: "learned", text: "octopuses have three hearts"),
        EchoItem(date: .d("2026-10-23"), section: "grateful", text: "a colleague's kind note"),
    ]

    @Test func resurfacedItemsAreOldAndStable() {
        let resurfaced = Self.week.echoes.resurfaced
        #expect(resurfaced.count == 3)
        #expect(Set(resurfaced).count == 3)
        for item in resurfaced {
            #expect(item.date <= .d("2026-10-23"), "\(item) is less than 30 days old")
            #expect(Self.poolFor1122.contains(item), "\(item) is not an item of the fixture's pool")
        }
        #expect(resurfaced.map(\.date) == resurfaced.map(\.date).sorted())
        // Nothing is shown twice: "on this day" items are not resurfaced as well.
        #expect(Set(resurfaced).isDisjoint(with: Set(Self.week.echoes.onThisDay)))
        #expect(!resurfaced.contains { $0.date == .d("2025-11-22") })
        // The same today brings back the same items, whatever the window and whichever calculator.
        #expect(Self.calculator().review(window: DateRange(days: 7, endingOn: .d("2026-11-22"))).echoes.resurfaced == resurfaced)
        #expect(Self.fortnight.echoes.resurfaced == resurfaced)
        #expect(Self.sparse.echoes.resurfaced == resurfaced)
    }

    @Test func resurfacingStopsExactlyAtThirtyDays() {
        // Today 2026-11-10: the cutoff is 10-11, so only the two 2025 items qualify (10-12 is 29 days old).
        let early = Self.calculator(today: "2026-11-10").review(window: DateRange(days: 7, endingOn: .d("2026-11-10")))
        #expect(Set(early.echoes.resurfaced) == [
            EchoItem(date: .d("2025-11-22"), section: "grateful", text: "first snow of the winter"),
            EchoItem(date: .d("2025-11-22"), section: "learned", text: "how to fold dumplings"),
        ])
        #expect(early.echoes.resurfaced.count == 2)
        // Today 2026-11-11: the cutoff is 10-12 (exactly 30 days), adding the two 10-12 items; 3 of the 4.
        let later = Self.calculator(today: "2026-11-11").review(window: DateRange(days: 7, endingOn: .d("2026-11-11")))
        let pool: Set<EchoItem> = [
            EchoItem(date: .d("2025-11-22"), section: "grateful", text: "first snow of the winter"),
            EchoItem(date: .d("2025-11-22"), section: "learned", text: "how to fold dumplings"),
            EchoItem(date: .d("2026-10-12"), section: "grateful", text: "morning light on the river"),
            EchoItem(date: .d("2026-10-12"), section: "learned", text: "CRDTs merge without a server"),
        ]
        #expect(later.echoes.resurfaced.count == 3)
        #expect(Set(later.echoes.resurfaced).count == 3)
        #expect(Set(later.echoes.resurfaced).isSubset(of: pool))
        // Not 11-22: nothing on this day.
        #expect(later.echoes.onThisDay.isEmpty)
    }

    @Test func defaultWindowSignalsAndWHO5() {
        let signals = Self.week.signals
        // exhaustion >= 3, cynicism >= 2, efficacy <= 1: 16 (3,2,1), 17 (3,3,0), 18 (4,2,1), 21 (3,2,1);
        // not 22 (2,1,2); 20 has no cynicism, so it is not rated. 5 rated days.
        #expect(signals.flaggedDays == [.d("2026-11-16"), .d("2026-11-17"), .d("2026-11-18"), .d("2026-11-21")])
        #expect(signals.count == 5)
        // The last 7 logged days: 22, 21, 20, 18, 17, 16, 15; flagged 16, 17, 18, 21 and 15 (3,2,1) = 5.
        #expect(signals.recentCount == 7)
        #expect(signals.recentFlagged == 5)
        #expect(signals.suggestsCheckIn)
        // Only W47's entry overlaps the window: 2*5 = 10 raw, 40%, low (< 13); the previous scored week
        // is W46 (3+3+2+3+3 = 14): (10 - 14) * 4 = -16 points, meaningful (>= 10).
        #expect(Self.week.who5.count == 1)
        let score = Self.week.who5[0]
        #expect(score.week == "2026-W47")
        #expect(score.raw == 10)
        #expect(score.percent == 40)
        #expect(score.isLow)
        #expect(score.change == -16)
        #expect(score.isMeaningfulChange)
    }

    @Test func defaultWindowHealth() {
        let health = Self.week.health
        // flare: 16 (0), 17 (1), 18 (2), 20 (0) -> 2 flare days of 4 recorded.
        #expect(health.flareDays == 2)
        #expect(health.flareCount == 4)
        // fever_c: 37.2, 38.0, 37.8 -> 1 day >= 38.0 of 3.
        #expect(health.feverDays == 1)
        #expect(health.feverCount == 3)
        // glucose: [95, 190], [65, 120, 180], [110] -> 6 readings; in 70-180: 95, 120, 180, 110 = 4.
        #expect(health.glucoseReadings == 6)
        #expect(health.glucoseInRange == 4)
        close(health.glucoseInRangeShare, 4.0 / 6)
    }

    @Test func defaultWindowExperiments() {
        let summary = Self.week.experiments
        // Started by 11-22: all 6. Closed (an outcome): warmup, lr-sweep, distill, eval-harness.
        // Open: long-context (no outcome) and tokenizer (`outcome:` empty).
        #expect(summary.closed == 4)
        #expect(summary.open == 2)
        // Failure modes: data=data yes, infra/bug no, no-effect=no-effect yes, eval/scope no -> 2 of 4.
        #expect(summary.failureModeCount == 4)
        #expect(summary.failureModeMatches == 2)
        close(summary.failureModeHitRate, 0.5)
        // Brier over success/failure only (eval-harness is partial): (0.8-0)^2 + (0.6-1)^2 + (0.3-0)^2
        // = 0.64 + 0.16 + 0.09 = 0.89; / 3 = 0.2967.
        #expect(summary.brierCount == 3)
        close(summary.brier, 0.89 / 3)
        // Time: 15/10, 20/20, 12/8, 6/4 = 1.5 + 1 + 1.5 + 1.5 = 5.5; / 4 = 1.375 (open ones excluded).
        #expect(summary.timeCount == 4)
        close(summary.timeOverrun, 1.375)
        // GPU: 150/100, 100/200, 20/10 = 1.5 + 0.5 + 2 = 4; / 3 = 1.3333 (distill has no GPU keys).
        #expect(summary.gpuCount == 3)
        close(summary.gpuOverrun, 4.0 / 3)
    }

    @Test func defaultWindowFactorsAndCorrelations() {
        let factors = Self.week.factors
        // deadline on 16, 17, 18 (3 days) vs 20, 21, 22 (3 days); travel only on 20 (1 day): hidden.
        #expect(factors.map(\.tag) == ["deadline", "deadline"])
        #expect(factors.map(\.key) == ["mood", "energy"])
        // mood with (2+2+1)/3 = 5/3, without (3+2+2)/3 = 7/3.
        close(factors[0].withMean, 5.0 / 3)
        close(factors[0].withoutMean, 7.0 / 3)
        close(factors[0].difference, -2.0 / 3)
        // energy with (2+2+1)/3 = 5/3, without (3+2+3)/3 = 8/3.
        close(factors[1].withMean, 5.0 / 3)
        close(factors[1].withoutMean, 8.0 / 3)
        #expect(factors.map(\.withCount) == [3, 3])
        #expect(factors.map(\.withoutCount) == [3, 3])
        // At most 6 pairs in 7 days: no correlation reaches 14.
        #expect(Self.week.correlations.isEmpty)
    }

    // MARK: - Two weeks, 2026-11-09..2026-11-22

    @Test func fortnightCoverageAndLevels() throws {
        let review = Self.fortnight
        #expect(review.previous == DateRange(start: .d("2026-10-26"), end: .d("2026-11-08")))
        // W46 7 + W47 6 = 13 of 14.
        #expect(review.loggedDays == 13)
        // mood: (21 + 12)/13 = 33/13 = 2.54; before W44 3+4+3+4+3+5 = 22, W45 3+3+2+3+4+4 = 19 -> 41/12 = 3.42;
        // change 33/13 - 41/12 = -137/156 = -0.88 -> down.
        try expectLevel(review, "mood", mean: 33.0 / 13, n: 13, previous: 41.0 / 12, previousN: 12,
                        change: -137.0 / 156, direction: -1, sparkline: "▅▅▆▅▅▅▃▃▃▁ ▅▃▃")
        // energy: (21 + 13)/13 = 34/13; before W44 3+4+2+4+3+4 = 20, W45 3+3+2+2+4+5 = 19 -> 39/12 = 3.25;
        // change -33/52 = -0.63 -> down.
        try expectLevel(review, "energy", mean: 34.0 / 13, n: 13, previous: 3.25, previousN: 12,
                        change: -33.0 / 52, direction: -1, sparkline: "▅▅▅▆▅▅▃▃▃▁ ▅▃▅")
        // exhaustion: (15 + 17)/13 = 32/13; nothing recorded before -> no previous, no change.
        try expectLevel(review, "exhaustion", mean: 32.0 / 13, n: 13, previous: nil, previousN: 0,
                        change: nil, direction: 0, sparkline: "▅▅▅▃▅▆▆▆▆█ ▅▆▅")
        // cynicism: (9 + 10)/12 = 19/12.
        try expectLevel(review, "cynicism", mean: 19.0 / 12, n: 12, previous: nil, previousN: 0,
                        change: nil, direction: 0, sparkline: "▃▃▃▃▃▅▅▅▆▅  ▅▃")
        // efficacy: (14 + 7)/13 = 21/13.
        try expectLevel(review, "efficacy", mean: 21.0 / 13, n: 13, previous: nil, previousN: 0,
                        change: nil, direction: 0, sparkline: "▆▅▆▅▅▃▃▃▁▃ ▅▃▅")
        // sleep_h: (49 + 31)/12 = 6.67; before W44 7+8+6+7.5+7+8 = 43.5, W45 7+6.5+6+6+8+8.5 = 42 -> 85.5/12 = 7.125;
        // change -0.458: shown as -0.5 but below the 0.5 threshold, so no arrow.
        try expectLevel(review, "sleep_h", mean: 80.0 / 12, n: 12, previous: 7.125, previousN: 12,
                        change: 80.0 / 12 - 7.125, direction: 0, sparkline: "▅▅▅▅▅▅▅▅▄▄ ▅ ▅")
        #expect(ReviewFormat.signed(try level(review, "sleep_h").change!) == "-0.5")
        // sleep_q: 3, 3, 3, 2, 2 -> 13/5 = 2.6; nothing before.
        try expectLevel(review, "sleep_q", mean: 2.6, n: 5, previous: nil, previousN: 0,
                        change: nil, direction: 0, sparkline: "▅▅▅    ▃▃     ")
    }

    @Test func fortnightHoursAndBurners() {
        let review = Self.fortnight
        #expect(review.weeks.map(\.week) == ["2026-W46", "2026-W47"])
        // W46: 9 + 8.5 + 9 + 8.5 + 9 + 7 + 5 = 56 on all 7 days, none zero; its entry sets target 45.
        let w46 = review.weeks[0]
        #expect(w46.total == 56)
        #expect(w46.count == 7)
        #expect(w46.daysElapsed == 7)
        #expect(w46.target == 45)
        #expect(w46.isRisk)
        #expect(w46.isOverProductive)
        #expect(w46.hadDayOff == false)
        #expect(ReviewMarkdown.weekFlags(w46) == [">= 55 h (stroke/heart risk)", "no day off"])
        let w47 = review.weeks[1]
        #expect(w47.total == 52)
        #expect(w47.count == 6)
        #expect(w47.target == 40)
        #expect(!w47.isRisk)
        #expect(w47.isOverProductive)
        #expect(w47.hadDayOff == nil)
        #expect(review.longDays.map(\.date) == [.d("2026-11-16")])

        let burners = review.burners
        // work 56 + 52 = 108 (n 13); health W46 1+0.5+1+0+0+0.5+1 = 4, + 4 = 8 (n 13);
        // family W46 1+0+0.5+1+1+0.5+2 = 6, + 6 = 12 (n 12); friends W46 1+0+0.5+2+0+0 = 3.5 (11-14 none), + 0 (n 12).
        // All: 108 + 8 + 12 + 3.5 = 131.5.
        #expect(burners.map(\.hours) == [108, 8, 12, 3.5])
        #expect(burners.map(\.count) == [13, 13, 12, 12])
        close(burners[0].share, 108 / 131.5)
        close(burners[1].share, 8 / 131.5)
        close(burners[2].share, 12 / 131.5)
        close(burners[3].share, 3.5 / 131.5)
        #expect(burners.compactMap(\.share).map(ReviewFormat.percent) == ["82%", "6%", "9%", "3%"])
        #expect(burners.map(\.zeroRun) == [0, 0, 0, 8])
        #expect(burners.map(\.isCold) == [false, false, false, true])
    }

    @Test func fortnightDoneGratitudeSignals() {
        let review = Self.fortnight
        // W46: review (09), ship + learn (11), ship (13), help (14) = 5; W47: 8 (above). 13 in all:
        // ship 2+2 = 4, help 1+1 = 2, learn 1+1 = 2, review 1+1 = 2, chore 1, other 1, read 1.
        #expect(review.done.total == 13)
        #expect(review.done.counts.map(\.category) == ["ship", "help", "learn", "review", "chore", "other", "read"])
        #expect(review.done.counts.map(\.count) == [4, 2, 2, 2, 1, 1, 1])
        // Invisible: help 2 + learn 2 + review 2 + chore 1 + read 1 = 8 of 13.
        #expect(review.done.invisible == 8)
        close(review.done.invisibleShare, 8.0 / 13)
        #expect(review.done.lowEfficacyDays.map(\.date) == [.d("2026-11-14"), .d("2026-11-15"), .d("2026-11-16"),
                                                            .d("2026-11-17"), .d("2026-11-18"), .d("2026-11-21")])
        #expect(doneText(review.done.lowEfficacyDays[0].items) == ["help: unblocked Ana"])
        #expect(review.done.lowEfficacyDays[1].items.isEmpty)
        // Grateful: W46 09, 12 = 2, + 4 = 6. Learned: W46 11 = 1, + 2 = 3.
        #expect(review.echoes.gratefulCount == 6)
        #expect(review.echoes.learnedCount == 3)
        // Flagged: 14, 15 (3,2,1 each) and 16, 17, 18, 21; rated 7 + 5 = 12.
        #expect(review.signals.flaggedDays == [.d("2026-11-14"), .d("2026-11-15"), .d("2026-11-16"),
                                               .d("2026-11-17"), .d("2026-11-18"), .d("2026-11-21")])
        #expect(review.signals.count == 12)
        #expect(review.signals.recentFlagged == 5)
        #expect(review.signals.recentCount == 7)
        #expect(review.signals.suggestsCheckIn)
        // W46: 14 raw = 56%, not low, (14 - 15) * 4 = -4 vs W44: not meaningful. W47 as above.
        #expect(review.who5.map(\.week) == ["2026-W46", "2026-W47"])
        #expect(review.who5.map(\.raw) == [14, 10])
        #expect(review.who5.map(\.percent) == [56, 40])
        #expect(review.who5.map(\.isLow) == [false, true])
        #expect(review.who5.map(\.change) == [-4, -16])
        #expect(review.who5.map(\.isMeaningfulChange) == [false, true])
    }

    @Test func fortnightHealthFactorsCorrelations() {
        let review = Self.fortnight
        // flare as in W47: 2 of 4. fever: 37.5 (11-10), 37.2, 38.0, 37.8 -> 1 of 4.
        #expect(review.health.flareDays == 2)
        #expect(review.health.flareCount == 4)
        #expect(review.health.feverDays == 1)
        #expect(review.health.feverCount == 4)
        // glucose: [150, 200] (11-12) + 6 readings -> 8; in range 150 + 4 = 5; 5/8 = 62.5%.
        #expect(review.health.glucoseReadings == 8)
        #expect(review.health.glucoseInRange == 5)
        close(review.health.glucoseInRangeShare, 5.0 / 8)

        let factors = review.factors
        #expect(factors.map { "\($0.tag)/\($0.key)" } == ["deadline/mood", "deadline/energy", "travel/mood", "travel/energy"])
        // deadline on 13, 14, 16, 17, 18: mood 3+3+2+2+1 = 11/5; without 09,10,11,12,15,20,21,22: 3+3+4+3+2+3+2+2 = 22/8.
        close(factors[0].withMean, 11.0 / 5)
        close(factors[0].withoutMean, 22.0 / 8)
        // energy 3+3+2+2+1 = 11/5; without 3+3+3+4+2+3+2+3 = 23/8.
        close(factors[1].withMean, 11.0 / 5)
        close(factors[1].withoutMean, 23.0 / 8)
        // travel on 09, 10, 20: mood 3+3+3 = 3.0; without 4+3+3+3+2+2+2+1+2+2 = 24/10.
        close(factors[2].withMean, 3.0)
        close(factors[2].withoutMean, 2.4)
        // energy 3+3+3 = 3.0; without 3+4+3+3+2+2+2+1+2+3 = 25/10.
        close(factors[3].withMean, 3.0)
        close(factors[3].withoutMean, 2.5)
        #expect(factors.map(\.withCount) == [5, 5, 3, 3])
        #expect(factors.map(\.withoutCount) == [8, 8, 10, 10])
        // Pairs: sleep_h with energy or mood 12, work_h with mood or exhaustion 13: all below 14.
        #expect(review.correlations.isEmpty)
    }

    // MARK: - A sparse past window, 2026-10-12..2026-10-18

    @Test func sparseWindowHidesFiguresBelowTheirMinimum() throws {
        let review = Self.sparse
        #expect(review.loggedDays == 3)
        // mood 4, 3, 4 -> 11/3; energy 4, 3, 5 -> 4.0; nothing logged in 10-05..10-11.
        try expectLevel(review, "mood", mean: 11.0 / 3, n: 3, previous: nil, previousN: 0,
                        change: nil, direction: 0, sparkline: "▆ ▅  ▆ ")
        try expectLevel(review, "energy", mean: 4.0, n: 3, previous: nil, previousN: 0,
                        change: nil, direction: 0, sparkline: "▆ ▅  █ ")
        // One value each (10-14) and two sleep values: hidden.
        try expectLevel(review, "exhaustion", mean: nil, n: 1, previous: nil, previousN: 0,
                        change: nil, direction: 0, sparkline: "  ▃    ")
        try expectLevel(review, "cynicism", mean: nil, n: 1, previous: nil, previousN: 0,
                        change: nil, direction: 0, sparkline: "  ▁    ")
        try expectLevel(review, "efficacy", mean: nil, n: 1, previous: nil, previousN: 0,
                        change: nil, direction: 0, sparkline: "  ▆    ")
        try expectLevel(review, "sleep_h", mean: nil, n: 2, previous: nil, previousN: 0,
                        change: nil, direction: 0, sparkline: "▅ ▅    ")
        try expectLevel(review, "sleep_q", mean: nil, n: 0, previous: nil, previousN: 0,
                        change: nil, direction: 0, sparkline: "       ")

        // W42: 8 + 9 + 0 = 17 on 3 days; a recorded zero is a day off; no flags.
        #expect(review.weeks.count == 1)
        #expect(review.weeks[0].week == "2026-W42")
        #expect(review.weeks[0].total == 17)
        #expect(review.weeks[0].count == 3)
        #expect(review.weeks[0].target == 40)
        #expect(review.weeks[0].hadDayOff == true)
        #expect(ReviewMarkdown.weekFlags(review.weeks[0]).isEmpty)
        #expect(review.longDays.isEmpty)

        // work 17 (n 3); health 1+2 = 3 (n 2); family 1+2 = 3 (n 2); friends 2+1+3 = 6 (n 3); all 29.
        #expect(review.burners.map(\.hours) == [17, 3, 3, 6])
        #expect(review.burners.map(\.count) == [3, 2, 2, 3])
        close(review.burners[0].share, 17.0 / 29)
        close(review.burners[3].share, 6.0 / 29)
        // work_h 0 on 10-17, 9 on 10-14 -> a run of 1; the others are non-zero on their last day.
        #expect(review.burners.map(\.zeroRun) == [1, 0, 0, 0])
        #expect(review.burners.allSatisfy { !$0.isCold })

        // ship, learn (10-12), review (10-14): 3 items, invisible 2 -> 2/3; no day with efficacy <= 1.
        #expect(review.done.total == 3)
        #expect(review.done.counts.map(\.category) == ["learn", "review", "ship"])
        close(review.done.invisibleShare, 2.0 / 3)
        #expect(review.done.lowEfficacyDays.isEmpty)
        // Grateful 12, 14, 17 = 3; learned 12, 17 = 2.
        #expect(review.echoes.gratefulCount == 3)
        #expect(review.echoes.learnedCount == 2)

        // Only 10-14 has all three ratings (1, 0, 3): not flagged. Four logged days in all by 10-18:
        // 2025-11-22, 10-12, 10-14, 10-17 (the last seven logged days reach back as far as they must).
        #expect(review.signals.flaggedDays.isEmpty)
        #expect(review.signals.count == 1)
        #expect(review.signals.recentFlagged == 0)
        #expect(review.signals.recentCount == 4)
        #expect(!review.signals.suggestsCheckIn)
        #expect(review.who5.isEmpty)
        #expect(review.health.flareCount == 0 && review.health.feverCount == 0 && review.health.glucoseReadings == 0)
        #expect(review.health.glucoseInRangeShare == nil)
        // running on 12 and 17 (2 days): below 3.
        #expect(review.factors.isEmpty)
        #expect(review.correlations.isEmpty)

        // Experiments started by 10-18: warmup, lr-sweep, distill, all closed.
        let experiments = review.experiments
        #expect(experiments.closed == 3)
        #expect(experiments.open == 0)
        // data=data, infra/bug, no-effect=no-effect -> 2 of 3.
        #expect(experiments.failureModeMatches == 2)
        #expect(experiments.failureModeCount == 3)
        close(experiments.failureModeHitRate, 2.0 / 3)
        close(experiments.brier, 0.89 / 3)
        // (1.5 + 1 + 1.5)/3 = 4/3.
        close(experiments.timeOverrun, 4.0 / 3)
        #expect(experiments.timeCount == 3)
        // GPU only on warmup and lr-sweep: 2, below 3.
        #expect(experiments.gpuOverrun == nil)
        #expect(experiments.gpuCount == 2)
    }

    @Test func anArrowNeedsFourValuesOnBothSides() throws {
        // W43 (10-19..10-25) against W42 (10-12..10-18). energy: W43 3+4+4+2+3+4 = 20/6 = 3.33 (n 6);
        // W42 4+3+5 = 12/3 = 4.0 (n 3): change -0.67 is large enough, but 3 values before are too few.
        let review = Self.calculator().review(window: DateRange(days: 7, endingOn: .d("2026-10-25")))
        #expect(review.loggedDays == 6)
        try expectLevel(review, "energy", mean: 20.0 / 6, n: 6, previous: 4.0, previousN: 3,
                        change: 20.0 / 6 - 4, direction: 0, sparkline: "▅▆▆▃▅▆ ")
        // W43 is 8 + 8 + 7 + 10 + 9 + 0 = 42 with a day off on 10-24.
        #expect(review.weeks.map(\.total) == [42])
        #expect(review.weeks.map(\.hadDayOff) == [true])
    }

    @Test func experimentsBelowTheirMinimumAreHidden() {
        // By 2026-09-20 only warmup and lr-sweep had started: every calibration figure rests on 2.
        let review = Self.calculator().review(window: DateRange(days: 7, endingOn: .d("2026-09-20")))
        #expect(review.loggedDays == 0)
        #expect(review.levels.allSatisfy { $0.mean == nil && $0.count == 0 })
        let summary = review.experiments
        #expect(summary.closed == 2)
        #expect(summary.open == 0)
        #expect(summary.failureModeCount == 2)
        #expect(summary.failureModeMatches == 1)
        #expect(summary.failureModeHitRate == nil)
        #expect(summary.brier == nil)
        #expect(summary.brierCount == 2)
        #expect(summary.timeOverrun == nil)
        #expect(summary.timeCount == 2)
        #expect(summary.gpuOverrun == nil)
        #expect(summary.gpuCount == 2)
    }

    @Test func invisibleShareNeedsThreeItems() {
        // 10-14 alone: one item (review).
        let review = Self.calculator().review(window: DateRange(start: .d("2026-10-14"), end: .d("2026-10-14")))
        #expect(review.done.total == 1)
        #expect(review.done.invisible == 1)
        #expect(review.done.invisibleShare == nil)
    }

    @Test func theWeeklyTargetComesFromTheSettingsWhenTheWeekHasNone() {
        let review = Self.calculator(target: nil).review(window: DateRange(days: 14, endingOn: .d("2026-11-22")))
        // W46's entry says 45; W47 has neither an entry target nor a setting.
        #expect(review.weeks.map(\.target) == [45, nil])
    }

    // MARK: - Four weeks, 2026-10-26..2026-11-22: correlations

    /// Pearson's r by the computational formula, independent of the code under test.
    static func pearson(_ pairs: [(Double, Double)]) -> Double {
        let n = Double(pairs.count)
        let sx = pairs.map(\.0).reduce(0, +), sy = pairs.map(\.1).reduce(0, +)
        let sxy = pairs.map { $0.0 * $0.1 }.reduce(0, +)
        let sxx = pairs.map { $0.0 * $0.0 }.reduce(0, +), syy = pairs.map { $0.1 * $0.1 }.reduce(0, +)
        return (n * sxy - sx * sy) / ((n * sxx - sx * sx) * (n * syy - sy * sy)).squareRoot()
    }

    // (sleep_h, energy) on days with both, read off the fixture: W44, W45, W46, W47 (11-21 has no sleep).
    static let sleepEnergy: [(Double, Double)] = [
        (7, 3), (8, 4), (6, 2), (7.5, 4), (7, 3), (8, 4),
        (7, 3), (6.5, 3), (6, 2), (6, 2), (8, 4), (8.5, 5),
        (7, 3), (7, 3), (7, 3), (7, 4), (7.5, 3), (6.5, 3), (7, 2),
        (6, 2), (5.5, 2), (5, 1), (7, 3), (7.5, 3),
    ]
    // (sleep_h, mood).
    static let sleepMood: [(Double, Double)] = [
        (7, 3), (8, 4), (6, 3), (7.5, 4), (7, 3), (8, 5),
        (7, 3), (6.5, 3), (6, 2), (6, 3), (8, 4), (8.5, 4),
        (7, 3), (7, 3), (7, 4), (7, 3), (7.5, 3), (6.5, 3), (7, 2),
        (6, 2), (5.5, 2), (5, 1), (7, 3), (7.5, 2),
    ]
    // (work_h, mood).
    static let workMood: [(Double, Double)] = [
        (8, 3), (7, 4), (9, 3), (8, 4), (8, 3), (0, 5),
        (9, 3), (9, 3), (10, 2), (10, 3), (0, 4), (2, 4),
        (9, 3), (8.5, 3), (9, 4), (8.5, 3), (9, 3), (7, 3), (5, 2),
        (12, 2), (9, 2), (10, 1), (8, 3), (9, 2), (4, 2),
    ]

    @Test func monthCorrelations() {
        let review = Self.month
        // 6 + 6 + 7 + 6 = 25 of 28.
        #expect(review.loggedDays == 25)
        #expect(review.weeks.map(\.week) == ["2026-W44", "2026-W45", "2026-W46", "2026-W47"])
        // W44 8+7+9+8+8+0 = 40 with a day off (10-31); W45 9+9+10+10+0+2 = 40 with a day off (11-07).
        #expect(review.weeks.map(\.total) == [40, 40, 56, 52])
        #expect(review.weeks.map(\.hadDayOff) == [true, true, false, nil])
        #expect(review.weeks.map(\.target) == [40, 40, 45, 40])

        // work_h with exhaustion: exhaustion only in W46 (7) and W47 (6) = 13 pairs: hidden.
        #expect(review.correlations.map { "\($0.first)/\($0.second)" } == ["sleep_h/energy", "sleep_h/mood", "work_h/mood"])
        #expect(review.correlations.map(\.count) == [24, 24, 25])
        // sleep/energy: n 24, Σx 165.5, Σy 71, Σx² 1157.75, Σy² 229, Σxy 505.5:
        // (24·505.5 − 165.5·71) / √((24·1157.75 − 165.5²)(24·229 − 71²)) = 381.5 / √(395.75·455) = 0.899.
        #expect(Self.sleepEnergy.count == 24)
        close(review.correlations[0].r, Self.pearson(Self.sleepEnergy))
        close(review.correlations[0].r, 0.899, accuracy: 0.0005)
        // sleep/mood: Σy 72, Σy² 234, Σxy 509.5 -> (12228 − 11916) / √(395.75·432) = 0.755.
        close(review.correlations[1].r, Self.pearson(Self.sleepMood))
        close(review.correlations[1].r, 0.755, accuracy: 0.0005)
        // work/mood: n 25, Σx 188, Σy 74, Σx² 1635.5, Σy² 238, Σxy 521:
        // (13025 − 13912) / √((40887.5 − 35344)(5950 − 5476)) = −887 / √(5543.5·474) = −0.547.
        close(review.correlations[2].r, Self.pearson(Self.workMood))
        close(review.correlations[2].r, -0.547, accuracy: 0.0005)
        #expect(review.correlations.map { ReviewFormat.twoDecimals($0.r) } == ["0.90", "0.75", "-0.55"])
    }
}
