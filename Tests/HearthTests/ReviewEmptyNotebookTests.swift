import Foundation
import Testing

/// A review of a notebook with nothing logged says so, and never turns "not recorded" into zero.
@Suite struct ReviewEmptyNotebookTests {
    @Test func nothingLoggedShowsDashesNotZeros() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let result = try notebook.hearth("review")
        #expect(result.status == 0, "\(result)")
        let lines = result.stdoutLines
        #expect(lines.contains("Logged 0 of 7 days"))
        #expect(lines.contains("2026-W47           -    0/7      40"), "\(result.stdout)")
        #expect(lines.contains("work               -      -   0"), "\(result.stdout)")
        let json = try notebook.hearth("review", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        #expect(object["logged_days"] as? Int == 0)
        let levels = try #require(object["levels"] as? [[String: Any]])
        #expect(levels.allSatisfy { $0["mean"] is NSNull && ($0["n"] as? Int) == 0 })
    }
}
