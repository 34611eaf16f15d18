import Foundation
@testable import JournalKit
import NoteKit
import Testing

/// A window that starts mid-week must still judge that week on all of it.
@Suite struct ReviewPartialWeekTests {
    @Test func aWeekCutByTheWindowStartIsSummedWhole() throws {
        // 11-12 is the Thursday of W46 (11-09..11-15: 56 h over 7 logged days, see the fixture).
        let review = ReviewCalculatorTests.calculator().review(window: DateRange(start: .d("2026-11-12"), end: .d("2026-11-22")))
        #expect(review.weeks.map(\.week) == ["2026-W46", "2026-W47"])
        let w46 = review.weeks[0]
        #expect(w46.total == 56)
        #expect(w46.count == 7)
        #expect(w46.daysElapsed == 7)
        #expect(w46.isRisk)
        // The current week counts only the days up to the window's end (11-16..11-22, 52 h).
        #expect(review.weeks[1].total == 52)
    }

    @Test func aWeekCutByTheWindowEndCountsItsDaysSoFar() throws {
        // Ending on Wednesday 11-18: W47 so far is Mon..Wed.
        let review = ReviewCalculatorTests.calculator(today: "2026-11-18").review(window: DateRange(days: 7, endingOn: .d("2026-11-18")))
        #expect(review.weeks.map(\.week) == ["2026-W46", "2026-W47"])
        #expect(review.weeks[0].total == 56)
        #expect(review.weeks[1].daysElapsed == 3)
        #expect(review.weeks[1].hadDayOff == nil)
    }
}
