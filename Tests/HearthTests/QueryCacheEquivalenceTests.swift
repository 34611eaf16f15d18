import Foundation
import TestSupport
import Testing

/// Issue 13, "Query cache": the cache changes how fast an answer comes, never the answer. Each
/// command that uses it prints the same bytes, on stdout and stderr, with the same exit status,
/// from a cold cache, a warm one, a deleted one and one whose every stamp is stale, on a notebook
/// of varied front-matter (comments, block and flow lists, nested maps, block text, CRLF and a
/// byte order mark, values check rejects) and one malformed file that each command reports.
@Suite struct QueryCacheEquivalenceTests {
    static let malformed = "days/2026/2026-10-30.md"

    /// Thirty-five days (2026-10-19 to 2026-11-22, one of them malformed), notes and experiments.
    static func generatedNotebook() throws -> TemporaryNotebook {
        let notebook = try TemporaryNotebook(initialized: true)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let start = try #require(calendar.date(from: DateComponents(year: 2026, month: 10, day: 19)))
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        for index in 0..<35 {
            let date = formatter.string(from: try #require(calendar.date(byAdding: .day, value: index, to: start)))
            let path = "days/2026/\(date).md"
            if path == malformed {
                // It names every key the queries below ask about, so each command reads it (grep
                // --field skips a file whose text never names the field).
                try notebook.write(path, "---\nkind: day\ndate: \(date)\nenergy: 2\nmood: : x\nwork_h: 9\ntags: [travel]\n---\n\n## Notes\nbroken\n")
                continue
            }
            try notebook.write(path, day(index, date: date))
        }
        try notebook.write("notes/plain.md", "No front-matter at all.\n")
        try notebook.write("notes/empty.md", "---\n---\nAn empty head.\n")
        try notebook.write("notes/reading.md", "---\ntitle: \"Reading, \\\"soon\\\" 📚\"\ntags:\n  - books # to buy\n  - travel\n---\n# Reading\n")
        // Keys named like the columns list --json writes itself: its row is rendered, not copied.
        try notebook.write("notes/named.md", "---\npath: elsewhere\nbody_tags: [x]\ntags: [travel]\n---\nA #tag of the body.\n")
        try notebook.write("experiments/2026/2026-11-02-warmup.md",
                           "---\nkind: experiment\ndate: 2026-11-02\npredicted_failure: bug\np_success: 0.25\nestimate_h: 3\nactual_h: 5\n---\n")
        try notebook.write("experiments/2026/2026-11-10-gpu.md",
                           "---\nkind: experiment\ndate: 2026-11-10\npredicted_failure: gpu\np_success: .8\noutcome: success\n---\n")
        try notebook.commitAll("a generated notebook")
        return notebook
    }

    /// One day's entry, its shape chosen by `index`.
    static func day(_ index: Int, date: String) -> String {
        var lines = ["kind: day", "date: \(date)"]
        let energy = index == 12 ? 7 : index * 7 % 5 + 1
        lines.append(index % 3 == 0 ? "energy: \(energy)  # how it felt at noon" : "energy: \(energy)")
        if index % 4 == 0 { lines.append("# slept badly, woke at five") }
        switch index % 5 {
        case 0: lines.append("mood:")
        case 1: lines.append("mood: \(index % 5 + 1)")
        case 2: lines.append("mood: \"4\"")
        case 3: break
        default: lines.append("mood: 3")
        }
        lines.append(["work_h: \(index % 13)", "work_h: \(index % 9).5", "work_h: 1e1", "work_h: 12"][index % 4])
        if index % 6 == 1 { lines.append("sleep_h: .5") } else if index % 6 == 2 { lines.append("sleep_h: 7.25") }
        switch index % 4 {
        case 0: lines.append("tags: [travel, deadline]")
        case 1: lines += ["tags:", "  - travel", "  # a comment inside the list", "  - sick"]
        case 2: lines.append("tags: []")
        default: break
        }
        if index % 7 == 3 { lines.append("bedtime: \"23:30\"") }
        if index % 7 == 4 { lines.append("sick: \(index % 2 == 0 ? "true" : "yes")") }
        if index % 9 == 0 { lines += ["log: |", "  first line", "  second: line"] }
        if index % 11 == 5 { lines += ["meals:", "  breakfast: porridge", "  lunch: [soup, bread]"] }
        if index % 10 == 7 { lines.append("place: Zürich — 雨") }
        let body = "\n## Done\n- [x] task \(index) #work\n\n## Grateful\n- a walk on day \(index)\n\n## Notes\nenergy: not front-matter\n"
        var text = "---\n" + lines.joined(separator: "\n") + "\n---\n" + body
        if index == 5 {
            text = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
        }
        return text
    }

    @Test(arguments: [
        ["list", "--where", "energy<=2"],
        ["list", "--kind", "day", "--where", "energy<=2", "--where", "work_h>=8", "--json"],
        ["list", "--csv", "--sort", "-work_h"],
        ["list", "--json", "--sort", "title"],
        ["list", "--tag", "travel", "--json"],
        ["check"],
        ["check", "--json"],
        ["review", "--json", "--weeks", "6"],
        ["export"],
        ["export", "--format", "csv"],
        ["grep", "--field", "energy", "^[12]$"],
        ["grep", "--field", "tags", "travel"],
    ])
    func warmColdDeletedAndStaleCachesGiveTheSameOutput(command: [String]) throws {
        let notebook = try Self.generatedNotebook()
        notebook.settle()
        let (cold, coldTrace) = try notebook.traced(command)
        #expect(coldTrace.hits == 0 && coldTrace.entries >= 40, "\(coldTrace)")
        #expect(cold.stdout.contains("2026-") || cold.stderr.contains("2026-"), "\(cold)")
        #expect((cold.stdout + cold.stderr).contains(Self.malformed + ":5:") || cold.stdout.contains("\"line\":5"),
                "the malformed file is not reported: \(cold)")

        let (warm, warmTrace) = try notebook.traced(command)
        // Every entry but the malformed one, which a cache may or may not hold.
        #expect(warmTrace.hits >= warmTrace.entries - 1 && warmTrace.entries == coldTrace.entries, "\(warmTrace)")
        expectSame(cold, warm, "warm")

        try FileManager.default.removeItem(at: notebook.queryCache)
        let (deleted, deletedTrace) = try notebook.traced(command)
        #expect(deletedTrace.hits == 0, "\(deletedTrace)")
        expectSame(cold, deleted, "deleted")

        // Every stamp changed, no byte: whatever the cache takes or reads again, the same answer.
        let later = Date().addingTimeInterval(5)
        let files = try TemporaryNotebook.files(under: notebook.root).keys.filter { $0.hasSuffix(".md") }
        for path in files {
            try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: notebook.url(path).path)
        }
        let (stale, _) = try notebook.traced(command)
        expectSame(cold, stale, "stale")
        let (rewarmed, _) = try notebook.traced(command)
        expectSame(cold, rewarmed, "warm again")
        // Without the variable, the same and no trace.
        let quiet = try notebook.hearth(command)
        expectSame(cold, quiet, "without the trace")
        #expect(!quiet.stderr.contains(QueryCacheTrace.prefix), "\(quiet)")
    }

    func expectSame(_ expected: ProcessResult, _ actual: ProcessResult, _ what: String,
                    sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.status == expected.status, "\(what): \(actual)", sourceLocation: sourceLocation)
        #expect(actual.stdout == expected.stdout, "\(what) stdout differs:\n\(expected.stdout)\n---\n\(actual.stdout)",
                sourceLocation: sourceLocation)
        #expect(QueryCacheTrace.stderrWithoutTrace(actual) == QueryCacheTrace.stderrWithoutTrace(expected),
                "\(what) stderr differs:\n\(expected.stderr)\n---\n\(actual.stderr)", sourceLocation: sourceLocation)
    }
}
