import Foundation
import GitKit
import HistoryKit
import NoteKit
import SyncKit
import TestSupport
import Testing

/// ``HistorySearch`` on histories the syncer writes: each distinct version is searched once, and
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

    @Test func searchesEachDistinctVersionOnceAndFollowsALineRemovedAndWrittenAgain() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: [Self.path: Self.day]) { world in
            try world.edit("laptop", Self.path, replacing: "- 09:00 walk\n", with: "- 09:00 walk\n- 10:00 gpu order\n")
            try world.sync("laptop")
            try world.sync("desk")
            try world.edit("desk", Self.path, replacing: "- 10:00 gpu order\n", with: "")
            try world.sync("desk")
            try world.sync("laptop")
            // The laptop writes the line again: the file's bytes are those of its first version.
            try world.edit("laptop", Self.path, replacing: "- 09:00 walk\n", with: "- 09:00 walk\n- 10:00 gpu order\n")
            try world.sync("laptop")
            // Other entries change in commits of their own.
            for index in 1...3 {
                try world.write("laptop", "notes/n\(index).md", "note \(index)\n")
                try world.sync("laptop")
            }

            let result = try search("gpu", in: world.root("laptop"))
            let commits = try world.git("laptop")("rev-list", "--count", "HEAD")
            #expect(result.commits == Int(commits.trimmingCharacters(in: .whitespacesAndNewlines)))
            // Two versions of the day (with and without the line) and one of each note.
            #expect(result.versions == 2 + 3)
            #expect(result.matches.count == 1)
            let match = try #require(result.matches.first)
            #expect(match.isPresent && match.removed == nil && !match.entryDeleted)
            #expect(match.hit.line == 8 && match.hit.text == "- 10:00 gpu order")
            #expect(match.added.device == "laptop")
            let first = try world.git("laptop")("log", "--reverse", "--format=%H", "-S", "gpu order")
            #expect(match.added.commit == first.split(separator: "\n").first.map(String.init))
            let today = LocalDate.today(in: TimeZone.current)
            #expect(match.added.date.map { abs($0.dayNumber - today.dayNumber) <= 1 } == true)
        }
    }

    @Test func kindsAndFieldsApplyToPastVersions() throws {
        try SyncWorld.with(devices: ["laptop"], files: [Self.path: Self.day.replacingOccurrences(of: "date: 2026-11-22\n", with: "date: 2026-11-22\ntags: [gpu]\n")]) { world in
            try world.edit("laptop", Self.path, replacing: "tags: [gpu]", with: "tags: [cpu]")
            try world.sync("laptop")
            let field = try search("pu$", in: world.root("laptop"), field: "tags")
            #expect(field.matches.map(\.hit.text) == ["cpu", "gpu"])
            #expect(field.matches.map(\.hit.line) == [4, 4])
            #expect(field.matches.map(\.isPresent) == [true, false])
            #expect(field.matches.allSatisfy { $0.hit.field == "tags" && $0.hit.kind == .day })
            var query = GrepQuery(matcher: try GrepMatcher(pattern: "gpu"), kinds: [.note], field: "tags")
            #expect(try HistorySearch(query: query, today: LocalDate("2026-11-22")!).run(root: world.root("laptop")).matches.isEmpty)
            query.kinds = [.day]
            #expect(try HistorySearch(query: query, today: LocalDate("2026-11-22")!).run(root: world.root("laptop")).matches.count == 1)
        }
    }
}
