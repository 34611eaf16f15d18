import Foundation
import Testing

/// `hearth today`: creates today's day (from `HEARTH_TODAY`) once, then only opens it.
@Suite struct TodayCommandTests {
    @Test func todayCreatesTheDayOnceAndIsIdempotent() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let first = try notebook.hearth("today")
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout == "days/2026/2026-11-22.md\n")
        #expect(try notebook.text("days/2026/2026-11-22.md") == NewCommandTests.dayTemplate)

        // Edited by hand between runs: a second `today` keeps every byte.
        let edited = NewCommandTests.dayTemplate.replacingOccurrences(of: "## Log\n", with: "## Log\n- 14:05 wrote tests\n")
        try notebook.write("days/2026/2026-11-22.md", edited)
        let second = try notebook.hearth("today", "--no-edit")
        #expect(second.status == 0, "\(second)")
        #expect(second.stdout == "days/2026/2026-11-22.md\n")
        #expect(try notebook.text("days/2026/2026-11-22.md") == edited)
        #expect(try notebook.snapshot().keys.filter { $0.hasPrefix("days/") } == ["days/2026/2026-11-22.md"])
    }

    @Test func todayFollowsHEARTH_TODAY() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        notebook.today = "2027-01-01"
        let result = try notebook.hearth("today")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "days/2027/2027-01-01.md\n")
        #expect(try notebook.text("days/2027/2027-01-01.md").hasPrefix("---\nkind: day\ndate: 2027-01-01\n"))
    }

    @Test func anInvalidHEARTH_TODAYIsAUsageError() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        notebook.today = "22/11/2026"
        let result = try notebook.hearth("today")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("HEARTH_TODAY"))
        #expect(!notebook.exists("days"))
    }
}
