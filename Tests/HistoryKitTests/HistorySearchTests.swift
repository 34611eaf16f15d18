import Foundation
import HistoryKit
import NoteKit
import TestSupport
import Testing

/// ``HistorySearch`` on histories two devices wrote: each distinct version is searched once, and
/// a line removed and written again is present, first added by its original author.
@Suite struct HistorySearchTests {
    static let path = "days/2026/2026-11-22.md"
    static let day = """
        ---
        kind: day
        date: 2026-11-22
        ---

        ## Log
        - 09:00 walk

        """

    func search(_ pattern: String, in root: URL, field: String? = nil) throws -> HistorySearchResult {
        let query = GrepQuery(matcher: try GrepMatcher(pattern: pattern), field: field)
        return try HistorySearch(query: query, today: LocalDate("2026-11-22")!).run(root: root)
    }

    /// The laptop adds a line, the desk removes it, the laptop writes it again: the file's
    /// bytes are those of its first version, and the line is present, added by the laptop then.
    @Test func searchesEachDistinctVersionOnceAndFollowsALineRemovedAndWrittenAgain() throws {
        try Sandbox.withRepository { repository in
            let withLine = Self.day.replacingOccurrences(of: "- 09:00 walk\n", with: "- 09:00 walk\n- 10:00 gpu order\n")
            try repository.write(Self.path, Self.day)
            try repository.commit("laptop: add \(Self.path)", at: "2026-11-20T12:00:00+00:00")
            try repository.write(Self.path, withLine)
            let first = try repository.commit("laptop: edit \(Self.path)", at: "2026-11-21T09:00:00+01:00")
            try repository.write(Self.path, Self.day)
            try repository.commit("desk: edit \(Self.path)", at: "2026-11-21T10:00:00+00:00")
            try repository.write(Self.path, withLine)
            try repository.commit("laptop: edit \(Self.path)", at: "2026-11-21T11:00:00+00:00")
            // Other entries change in commits of their own.
            for index in 1...3 {
                try repository.write("notes/n\(index).md", "note \(index)\n")
                try repository.commit("laptop: add notes/n\(index).md", at: "2026-11-22T1\(index):00:00+00:00")
            }

            let result = try search("gpu", in: repository.root)
            #expect(result.commits == 7)
            // Two versions of the day (with and without the line) and one of each note.
            #expect(result.versions == 2 + 3)
            #expect(result.matches.count == 1)
            let match = try #require(result.matches.first)
            #expect(match.isPresent && match.removed == nil && !match.entryDeleted)
            #expect(match.hit.line == 8 && match.hit.text == "- 10:00 gpu order")
            #expect(match.added.device == "laptop")
            #expect(match.added.commit == first)
            // The day on the clock of the device that wrote it.
            #expect(match.added.date == LocalDate("2026-11-21"))
            #expect(try match.added.time == HistoryStory.date("2026-11-21T08:00:00Z"))
        }
    }

    @Test func kindsAndFieldsApplyToPastVersions() throws {
        try Sandbox.withRepository { repository in
            try repository.write(Self.path, Self.day.replacingOccurrences(of: "date: 2026-11-22\n", with: "date: 2026-11-22\ntags: [gpu]\n"))
            try repository.commit("laptop: add \(Self.path)", at: "2026-11-22T09:00:00+00:00")
            try repository.write(Self.path, Self.day.replacingOccurrences(of: "date: 2026-11-22\n", with: "date: 2026-11-22\ntags: [cpu]\n"))
            try repository.commit("laptop: edit \(Self.path)", at: "2026-11-22T10:00:00+00:00")
            let field = try search("pu$", in: repository.root, field: "tags")
            #expect(field.matches.map(\.hit.text) == ["cpu", "gpu"])
            #expect(field.matches.map(\.hit.line) == [4, 4])
            #expect(field.matches.map(\.isPresent) == [true, false])
            #expect(field.matches.allSatisfy { $0.hit.field == "tags" && $0.hit.kind == .day })
            var query = GrepQuery(matcher: try GrepMatcher(pattern: "gpu"), kinds: [.note], field: "tags")
            #expect(try HistorySearch(query: query, today: LocalDate("2026-11-22")!).run(root: repository.root).matches.isEmpty)
            query.kinds = [.day]
            #expect(try HistorySearch(query: query, today: LocalDate("2026-11-22")!).run(root: repository.root).matches.count == 1)
        }
    }
}
