import Foundation
@testable import JournalKit
import NoteKit
import Testing

/// The weekly series and the heatmap behind `review --html`, on `Fixtures/journal` (figures worked
/// out by hand in ReviewCalculatorTests): each week is cut to the window, so the weeks add up to
/// the window's own figures.
@Suite struct ReviewHTMLSeriesTests {
    /// 11-09..11-22: W46 and W47 whole.
    let fortnight = ReviewCalculatorTests.fortnight

    func week(_ review: Review, _ name: String) throws -> ReviewWeek {
        try #require(review.weekly.first { $0.week == name }, "no \(name)")
    }

    @Test func weeklyMeansCarryTheirN() throws {
        #expect(fortnight.weekly.map(\.week) == ["2026-W46", "2026-W47"])
        let w47 = try week(fortnight, "2026-W47")
        #expect(w47.start == .d("2026-11-16") && w47.end == .d("2026-11-22") && w47.days == 7 && w47.loggedDays == 6)
        #expect(w47.levels.map(\.key) == ["energy", "mood", "sleep_h"])
        // The same six days as the one-week review: energy 13/6, mood 12/6, sleep 31/5.
        let week = ReviewCalculatorTests.week
        for (index, key) in ["energy", "mood", "sleep_h"].enumerated() {
            let level = try #require(week.levels.first { $0.key == key })
            #expect(w47.levels[index].mean == level.mean && w47.levels[index].count == level.count, "\(key)")
        }
        #expect(abs((w47.levels[0].mean ?? 0) - 13.0 / 6) < 1e-9)
    }

    @Test func theWeeksAddUpToTheWindow() throws {
        let items = fortnight.weekly.reduce(0) { $0 + $1.done.count }
        #expect(items == fortnight.done.total)
        #expect(fortnight.weekly.reduce(0) { $0 + $1.invisibleCount } == fortnight.done.invisible)
        for (index, burner) in fortnight.burners.enumerated() {
            let weekly = fortnight.weekly.compactMap { $0.burners[index].hours }.reduce(0, +)
            #expect(abs(weekly - burner.hours) < 1e-9, "\(burner.name)")
            #expect(fortnight.weekly.reduce(0) { $0 + $1.burners[index].count } == burner.count, "\(burner.name)")
        }
        let w46 = try week(fortnight, "2026-W46")
        #expect(w46.burners[0].hours == 56 && w46.burners[0].count == 7)   // the 56 h week
    }

    @Test func aWeekCutByTheWindowCountsOnlyItsDaysInTheWindow() throws {
        // From Thursday 11-12: W46 has four days in the window (its hours row still sums all seven).
        let review = ReviewCalculatorTests.calculator().review(window: DateRange(start: .d("2026-11-12"), end: .d("2026-11-22")))
        let w46 = try week(review, "2026-W46")
        #expect(w46.start == .d("2026-11-12") && w46.days == 4 && w46.loggedDays == 4)
        #expect(review.weeks.first?.total == 56)
        #expect((w46.burners[0].hours ?? 0) < 56)
    }

    @Test func aWeekWithoutValuesIsNilNotZero() throws {
        // 10-05..10-11 has no entry at all.
        let review = ReviewCalculatorTests.calculator().review(window: DateRange(start: .d("2026-10-05"), end: .d("2026-10-18")))
        let empty = try week(review, "2026-W41")
        #expect(empty.loggedDays == 0 && empty.done.isEmpty)
        #expect(empty.levels.allSatisfy { $0.mean == nil && $0.count == 0 })
        #expect(empty.burners.allSatisfy { $0.hours == nil && $0.count == 0 })
    }

    @Test func theHeatmapHoldsLoggedDaysOnly() throws {
        let heatmap = fortnight.heatmap
        #expect(heatmap.field == "energy" && heatmap.scale == 1...5)
        #expect(heatmap.days.count == fortnight.loggedDays)
        #expect(!heatmap.days.contains { $0.date == .d("2026-11-19") })   // not logged
        #expect(heatmap.days.map(\.date) == heatmap.days.map(\.date).sorted())
        let hours = ReviewCalculatorTests.calculator().review(window: DateRange(days: 14, endingOn: .d("2026-11-22")), heatmapField: "work_h").heatmap
        #expect(hours.scale?.lowerBound == hours.days.compactMap(\.value).min())
        #expect(hours.scale?.upperBound == 12)
    }
}
