import Foundation
import TestSupport
import Testing

/// `hearth list`: filters, sorting, JSON and CSV output, and unreadable files.
@Suite struct ListCommandTests {
    /// Four days, a note and an experiment, with hand-chosen values.
    private func notebookWithDays() throws -> TemporaryNotebook {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("days/2026/2026-11-18.md",
                           "---\nkind: day\ndate: 2026-11-18\nenergy: 1\nwork_h: 12\nsleep_h: 5.5\ntags: [travel, deadline]\n---\n")
        try notebook.write("days/2026/2026-11-19.md",
                           "---\nkind: day\ndate: 2026-11-19\nenergy: 2\nwork_h: 8\ntags: []\n---\n")
        try notebook.write("days/2026/2026-11-20.md",
                           "---\nkind: day\ndate: 2026-11-20\nenergy: 4\nwork_h: 10.5\ntags:\n  - travel\n---\n")
        try notebook.write("days/2026/2026-11-21.md",
                           "---\nkind: day\ndate: 2026-11-21\nenergy: 2\nwork_h: 10\nbedtime: \"23:30\"\nsick: true\n---\n")
        try notebook.write("notes/reading-list.md", "---\ntitle: \"Reading, \\\"soon\\\"\"\ntags: [travel]\n---\n# Reading\n")
        try notebook.write("experiments/2026/2026-11-19-warmup.md",
                           "---\nkind: experiment\ndate: 2026-11-19\npredicted_failure: bug\np_success: 0.25\n---\n")
        return notebook
    }

    private func paths(_ result: ProcessResult) -> [String] {
        result.stdoutLines.map { line in
            line.split(separator: " ", omittingEmptySubsequences: true).map(String.init).first { $0.hasSuffix(".md") } ?? "?"
        }
    }

    @Test func listShowsEveryEntryByDate() throws {
        let notebook = try notebookWithDays()
        let result = try notebook.hearth("list")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        #expect(paths(result) == [
            "days/2026/2026-11-18.md", "days/2026/2026-11-19.md", "experiments/2026/2026-11-19-warmup.md",
            "days/2026/2026-11-20.md", "days/2026/2026-11-21.md", "notes/reading-list.md",
        ])
        #expect(result.stdoutLines.first?.hasPrefix("2026-11-18  day ") == true, "\(result.stdout)")
    }

    @Test(arguments: [
        (["--kind", "experiment"], ["experiments/2026/2026-11-19-warmup.md"]),
        (["--kind", "note", "--kind", "experiment"], ["experiments/2026/2026-11-19-warmup.md", "notes/reading-list.md"]),
        (["--tag", "travel"], ["days/2026/2026-11-18.md", "days/2026/2026-11-20.md", "notes/reading-list.md"]),
        (["--tag", "travel", "--tag", "deadline"], ["days/2026/2026-11-18.md"]),
        (["--since", "2026-11-20"], ["days/2026/2026-11-20.md", "days/2026/2026-11-21.md"]),
        (["--until", "2026-11-19", "--kind", "day"], ["days/2026/2026-11-18.md", "days/2026/2026-11-19.md"]),
        (["--since", "2026-11-19", "--until", "2026-11-20", "--kind", "day"], ["days/2026/2026-11-19.md", "days/2026/2026-11-20.md"]),
        (["--where", "energy<=2"], ["days/2026/2026-11-18.md", "days/2026/2026-11-19.md", "days/2026/2026-11-21.md"]),
        (["--where", "energy<=2", "--where", "work_h>=10"], ["days/2026/2026-11-18.md", "days/2026/2026-11-21.md"]),
        (["--where", "work_h>10"], ["days/2026/2026-11-18.md", "days/2026/2026-11-20.md"]),
        (["--where", "energy!=2", "--kind", "day"], ["days/2026/2026-11-18.md", "days/2026/2026-11-20.md"]),
        (["--where", "sick"], ["days/2026/2026-11-21.md"]),
        (["--where", "!sleep_h", "--kind", "day"], ["days/2026/2026-11-19.md", "days/2026/2026-11-20.md", "days/2026/2026-11-21.md"]),
        (["--where", "tags=deadline"], ["days/2026/2026-11-18.md"]),
        (["--where", "energy=3"], []),
    ])
    func filtersSelectTheRightEntries(arguments: [String], expected: [String]) throws {
        let notebook = try notebookWithDays()
        let result = try notebook.hearth(["list"] + arguments)
        #expect(result.status == 0, "\(result)")
        #expect(paths(result) == expected)
    }

    @Test func sortByFieldAscendingAndDescending() throws {
        let notebook = try notebookWithDays()
        let ascending = try notebook.hearth("list", "--kind", "day", "--sort", "energy")
        #expect(ascending.status == 0, "\(ascending)")
        // Ties (energy 2) fall back to the path.
        #expect(paths(ascending) == ["days/2026/2026-11-18.md", "days/2026/2026-11-19.md",
                                     "days/2026/2026-11-21.md", "days/2026/2026-11-20.md"])
        let descending = try notebook.hearth("list", "--kind", "day", "--sort", "-energy")
        #expect(descending.status == 0, "\(descending)")
        #expect(paths(descending) == ["days/2026/2026-11-20.md", "days/2026/2026-11-19.md",
                                      "days/2026/2026-11-21.md", "days/2026/2026-11-18.md"])
        #expect(descending.stdoutLines.first?.contains("energy=4") == true, "\(descending.stdout)")
        // Entries without the field come last.
        let byHours = try notebook.hearth("list", "--sort", "-work_h")
        #expect(Array(paths(byHours).prefix(4)) == ["days/2026/2026-11-18.md", "days/2026/2026-11-20.md",
                                                   "days/2026/2026-11-21.md", "days/2026/2026-11-19.md"])
    }

    @Test func jsonIsAnArrayOfRowsWithTypedValues() throws {
        let notebook = try notebookWithDays()
        let result = try notebook.hearth("list", "--json")
        #expect(result.status == 0, "\(result)")
        let parsed = try JSONSerialization.jsonObject(with: result.stdoutData)
        let rows = try #require(parsed as? [[String: Any]])
        #expect(rows.count == 6)
        let byPath = Dictionary(uniqueKeysWithValues: rows.map { ($0["path"] as? String ?? "?", $0) })
        let first = try #require(byPath["days/2026/2026-11-18.md"])
        #expect(first["kind"] as? String == "day")
        #expect(first["date"] as? String == "2026-11-18")
        #expect(first["energy"] is NSNumber && (first["energy"] as? NSNumber)?.intValue == 1)
        #expect((first["work_h"] as? NSNumber)?.doubleValue == 12)
        #expect((first["sleep_h"] as? NSNumber)?.doubleValue == 5.5)
        #expect(first["tags"] as? [String] == ["travel", "deadline"])
        let third = try #require(byPath["days/2026/2026-11-20.md"])
        #expect((third["work_h"] as? NSNumber)?.doubleValue == 10.5)
        #expect(third["tags"] as? [String] == ["travel"], "a block list is a list too")
        let fourth = try #require(byPath["days/2026/2026-11-21.md"])
        #expect(fourth["bedtime"] as? String == "23:30")
        #expect(fourth["sick"] as? Bool == true)
        #expect(fourth["tags"] == nil, "a key the file does not have is not in its row")
        let note = try #require(byPath["notes/reading-list.md"])
        #expect(note["title"] as? String == "Reading, \"soon\"")
        let experiment = try #require(byPath["experiments/2026/2026-11-19-warmup.md"])
        #expect((experiment["p_success"] as? NSNumber)?.doubleValue == 0.25)
        #expect(experiment["predicted_failure"] as? String == "bug")
    }

    @Test func jsonOfNothingIsAnEmptyArray() throws {
        let notebook = try notebookWithDays()
        let result = try notebook.hearth("list", "--json", "--where", "energy>5")
        #expect(result.status == 0, "\(result)")
        #expect(try JSONSerialization.jsonObject(with: result.stdoutData) as? [Any] != nil)
        #expect((try JSONSerialization.jsonObject(with: result.stdoutData) as? [Any])?.isEmpty == true)
    }

    @Test func csvHasAHeaderAndOneRowPerEntry() throws {
        let notebook = try notebookWithDays()
        let result = try notebook.hearth("list", "--csv", "--kind", "day", "--kind", "note")
        #expect(result.status == 0, "\(result)")
        let table = CSVTable(parsing: result.stdout)
        #expect(table.header.first == "path")
        #expect(Set(table.header) == ["path", "kind", "date", "energy", "work_h", "sleep_h", "tags", "bedtime", "sick", "title"])
        #expect(table.header.count == 10, "no duplicate columns: \(table.header)")
        #expect(table.records.allSatisfy { $0.count == table.header.count }, "\(table.records)")
        let rows = Dictionary(uniqueKeysWithValues: table.rows.map { ($0["path"] ?? "?", $0) })
        #expect(rows.count == 5)
        #expect(rows["days/2026/2026-11-18.md"]?["energy"] == "1")
        #expect(rows["days/2026/2026-11-18.md"]?["sleep_h"] == "5.5")
        #expect(rows["days/2026/2026-11-18.md"]?["tags"] == "[travel, deadline]")
        #expect(rows["days/2026/2026-11-19.md"]?["sleep_h"] == "", "not recorded is an empty cell")
        #expect(rows["days/2026/2026-11-20.md"]?["work_h"] == "10.5")
        #expect(rows["days/2026/2026-11-21.md"]?["bedtime"] == "23:30")
        #expect(rows["days/2026/2026-11-21.md"]?["sick"] == "true")
        #expect(rows["notes/reading-list.md"]?["title"] == "Reading, \"soon\"")
        #expect(rows["notes/reading-list.md"]?["energy"] == "")
    }

    @Test func unreadableFilesAreReportedAfterTheListingWithExit1() throws {
        let notebook = try notebookWithDays()
        try notebook.write("days/2026/2026-11-17.md", "---\nkind: day\nmood: : x\n---\n")
        try notebook.write("notes/binary.md", bytes: [0x2D, 0x2D, 0x2D, 0x0A, 0x00, 0xFF, 0x00])
        let result = try notebook.hearth("list", "--kind", "day")
        #expect(result.status == 1, "\(result)")
        #expect(paths(result) == ["days/2026/2026-11-18.md", "days/2026/2026-11-19.md",
                                  "days/2026/2026-11-20.md", "days/2026/2026-11-21.md"])
        #expect(result.stderr.contains("days/2026/2026-11-17.md:3:"), "\(result.stderr)")
        #expect(result.stderr.contains("notes/binary.md:2:"), "\(result.stderr)")

        // On one stream, the diagnostics come after the whole listing.
        let merged = try notebook.hearth("list", "--kind", "day", mergeOutput: true)
        let text = merged.stdout
        let lastEntry = try #require(text.range(of: "days/2026/2026-11-21.md"))
        let diagnostic = try #require(text.range(of: "days/2026/2026-11-17.md:3:"))
        #expect(lastEntry.upperBound <= diagnostic.lowerBound, "\(text)")
    }

    @Test func jsonStaysValidWhenFilesAreUnreadable() throws {
        let notebook = try notebookWithDays()
        try notebook.write("days/2026/2026-11-17.md", "---\nkind: day\nmood: : x\n---\n")
        let result = try notebook.hearth("list", "--json")
        #expect(result.status == 1)
        let rows = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]])
        #expect(rows.count == 6)
        #expect(result.stderr.contains("days/2026/2026-11-17.md:3:"))
    }

    @Test(arguments: [
        ["--where", "energy<<2"],
        ["--where", "<=2"],
        ["--bogus"],
        ["--since", "2026-13-01"],
        ["--json", "--csv"],
        ["--sort"],
    ])
    func usageErrorsExit2(arguments: [String]) throws {
        let notebook = try notebookWithDays()
        let result = try notebook.hearth(["list"] + arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }
}
