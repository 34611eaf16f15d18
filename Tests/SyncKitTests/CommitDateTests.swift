import Foundation
import SyncKit
import Testing

/// `GIT_COMMITTER_DATE` as hearth reads it: git's unambiguous formats, nothing guessed.
@Suite struct CommitDateTests {
    @Test(arguments: [
        ("@1794303000 +0000", 1_794_303_000.0, 0),
        ("1794303000 -0500", 1_794_303_000.0, -300),
        ("2026-11-10T09:30:00Z", 1_794_303_000.0, 0),
        ("2026-11-10T10:30:00+01:00", 1_794_303_000.0, 60),
        ("2026-11-10 04:00:00 -0530", 1_794_303_000.0, -330),
    ])
    func gitsFormatsAreRead(text: String, seconds: Double, offset: Int) throws {
        let parsed = try #require(CommitDate.parse(text))
        #expect(parsed.date.timeIntervalSince1970 == seconds)
        #expect(parsed.offsetMinutes == offset)
    }

    @Test(arguments: ["last tuesday", "2026-11-10", "1794303000", "@abc +0000", "2026-11-10T09:30:00", "1794303000 +01"])
    func anythingElseIsRefused(text: String) {
        #expect(CommitDate.parse(text) == nil)
    }

    @Test func theCommitterDateWinsAndABadValueNamesItsVariable() throws {
        let both = try CommitDate.fromEnvironment(["GIT_COMMITTER_DATE": "@100 +0000", "GIT_AUTHOR_DATE": "@200 +0000"])
        #expect(both?.date.timeIntervalSince1970 == 100)
        #expect(try CommitDate.fromEnvironment([:]) == nil)
        #expect(throws: CommitDateError(variable: "GIT_AUTHOR_DATE", value: "soon")) {
            try CommitDate.fromEnvironment(["GIT_AUTHOR_DATE": "soon"])
        }
    }
}
