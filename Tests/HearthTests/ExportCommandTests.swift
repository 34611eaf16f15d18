import Foundation
import TestSupport
import Testing

/// `hearth export --format jsonl|csv` run as a real binary on entries made with `hearth new`.
@Suite struct ExportCommandTests {
    /// Two days, a note whose title needs CSV quoting, and an experiment, all made by `hearth new`.
    private func notebookWithEntries() throws -> TemporaryNotebook {
        let notebook = try TemporaryNotebook(initialized: true)
        let commands: [[String]] = [
            ["new", "day", "--date", "2026-11-18", "--set", "energy=2", "--set", "work_h=10.5",
             "--set", "tags=[travel, deadline]", "--no-edit"],
            ["new", "day", "--date", "2026-11-20", "--set", "energy=4", "--set", "sleep_h=7", "--no-edit"],
            ["new", "note", "--date", "2026-11-19", "--title", "Reading, \"soon\"", "--set", "tags=[travel]", "--no-edit"],
            ["new", "experiment", "--date", "2026-11-21", "--title", "Warmup ablation", "--set", "p_success=0.25",
             "--set", "predicted_failure=bug", "--no-edit"],
        ]
        for command in commands {
            let result = try notebook.hearth(command)
            guard result.status == 0 else { throw SetupFailure(message: "hearth \(command) failed: \(result)") }
        }
        return notebook
    }

    static let allPaths = ["days/2026/2026-11-18.md", "notes/reading-soon.md", "days/2026/2026-11-20.md",
                           "experiments/2026/2026-11-21-warmup-ablation.md"]

    /// Everything after a file's closing front-matter fence.
    private func body(_ notebook: TemporaryNotebook, _ path: String) throws -> String {
        let text = try notebook.text(path)
        let fence = try #require(text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex))
        return String(text[fence.upperBound...])
    }

    /// Each stdout line parsed by Foundation's own JSON reader; fails the test on a line that is not an object.
    private func objects(_ result: ProcessResult) throws -> [[String: Any]] {
        try result.stdoutLines.map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(object as? [String: Any], "not a JSON object: \(line)")
        }
    }

    @Test func jsonlIsTheDefaultAndHasOneObjectPerEntry() throws {
        let notebook = try notebookWithEntries()
        let explicit = try notebook.hearth("export", "--format", "jsonl")
        #expect(explicit.status == 0, "\(explicit)")
        #expect(explicit.stderr.isEmpty)
        let implicit = try notebook.hearth("export")
        #expect(implicit.stdout == explicit.stdout)
        let rows = try objects(explicit)
        #expect(rows.map { $0["path"] as? String } == Self.allPaths)
        // JSON Lines, not a JSON array.
        #expect(explicit.stdout.hasPrefix("{\"path\":"))
        #expect(explicit.stdout.hasSuffix("}\n"))
    }

    @Test func jsonlValuesKeepTheirTypesAndTheBody() throws {
        let notebook = try notebookWithEntries()
        let rows = try objects(try notebook.hearth("export", "--format", "jsonl"))
        let day = try #require(rows.first)
        #expect(day["kind"] as? String == "day")
        #expect(day["date"] as? String == "2026-11-18")
        #expect(day["energy"] as? Int == 2)
        #expect(day["work_h"] as? Double == 10.5)
        #expect(day["tags"] as? [String] == ["travel", "deadline"])
        // A template key left empty is "not recorded": null, present in the object.
        #expect(day["mood"] is NSNull)
        #expect(day.keys.contains("mood"))
        #expect(day["body"] as? String == (try body(notebook, "days/2026/2026-11-18.md")))
        #expect((day["body"] as? String)?.contains("## Done") == true)
        let note = rows[1]
        #expect(note["title"] as? String == "Reading, \"soon\"")
        #expect(note["body"] as? String == "\n# Reading, \"soon\"\n")
        let experiment = rows[3]
        #expect(experiment["p_success"] as? Double == 0.25)
        #expect(experiment["predicted_failure"] as? String == "bug")
    }

    @Test func jsonlKeysFollowTheFileOrderWithPathFirstAndBodyLast() throws {
        let notebook = try notebookWithEntries()
        let line = try #require(try notebook.hearth("export").stdoutLines.first)
        let keys = ["path", "kind", "date", "energy", "mood", "sleep_h", "work_h", "tags", "body"]
        let positions = keys.compactMap { line.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.count == keys.count, "\(line)")
        #expect(positions == positions.sorted(), "\(line)")
    }

    @Test(arguments: [
        (["--kind", "day", "--since", "2026-11-19"], ["days/2026/2026-11-20.md"]),
        (["--tag", "travel"], ["days/2026/2026-11-18.md", "notes/reading-soon.md"]),
        (["--until", "2026-11-19"], ["days/2026/2026-11-18.md", "notes/reading-soon.md"]),
        (["--where", "energy>=3"], ["days/2026/2026-11-20.md"]),
        (["--kind", "week"], []),
    ])
    func filtersWorkAsInList(arguments: [String], expected: [String]) throws {
        let notebook = try notebookWithEntries()
        for format in ["jsonl", "csv"] {
            let result = try notebook.hearth(["export", "--format", format] + arguments)
            #expect(result.status == 0, "\(result)")
            let paths = format == "jsonl"
                ? try objects(result).map { $0["path"] as? String ?? "?" }
                : CSVTable(parsing: result.stdout).rows.map { $0["path"] ?? "?" }
            #expect(paths == expected, "\(format)")
        }
    }

    @Test func csvHasAHeaderEveryKeyAndABodyColumn() throws {
        let notebook = try notebookWithEntries()
        let result = try notebook.hearth("export", "--format", "csv")
        #expect(result.status == 0, "\(result)")
        let table = CSVTable(parsing: result.stdout)
        #expect(table.header == ["path", "kind", "date", "energy", "mood", "sleep_h", "sleep_q", "exhaustion", "cynicism",
                                 "efficacy", "work_h", "health_h", "family_h", "friends_h", "tags", "title",
                                 "hypothesis", "predicted_failure", "p_success", "status", "timebox_h", "body"])
        #expect(table.records.allSatisfy { $0.count == table.header.count }, "\(table.records)")
        let rows = table.rows
        #expect(rows.map { $0["path"] } == Self.allPaths)
        #expect(rows[0]["energy"] == "2")
        #expect(rows[0]["work_h"] == "10.5")
        #expect(rows[0]["tags"] == "[travel, deadline]")
        #expect(rows[0]["mood"] == "")
        #expect(rows[0]["title"] == "")
        // Multi-line bodies and quotes survive RFC 4180 quoting.
        #expect(rows[0]["body"] == (try body(notebook, "days/2026/2026-11-18.md")))
        #expect(rows[1]["title"] == "Reading, \"soon\"")
        #expect(rows[1]["body"] == "\n# Reading, \"soon\"\n")
        #expect(rows[3]["p_success"] == "0.25")
    }

    @Test func unknownFormatIsAUsageError() throws {
        let notebook = try notebookWithEntries()
        let result = try notebook.hearth("export", "--format", "xml")
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("xml"), "\(result.stderr)")
    }

    @Test func pathsAreRelativeToTheNotebookRootFromAnySubfolder() throws {
        let notebook = try notebookWithEntries()
        let result = try notebook.hearth("export", "--kind", "experiment", in: notebook.url("days/2026"))
        #expect(result.status == 0, "\(result)")
        #expect(try objects(result).map { $0["path"] as? String } == ["experiments/2026/2026-11-21-warmup-ablation.md"])
    }

    @Test func unreadableFilesAreReportedAfterTheOutput() throws {
        let notebook = try notebookWithEntries()
        try notebook.write("notes/broken.md", "---\ntitle: never closed\n")
        let result = try notebook.hearth("export")
        #expect(result.status == 1, "\(result)")
        #expect(try objects(result).map { $0["path"] as? String } == Self.allPaths)
        #expect(result.stderr.contains("notes/broken.md:1: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("1 file could not be read"), "\(result.stderr)")
        let merged = try notebook.hearth("export", "--format", "csv", mergeOutput: true)
        let report = try #require(merged.stdout.range(of: "notes/broken.md:1:"))
        #expect(merged.stdout[..<report.lowerBound].contains("experiments/2026/2026-11-21-warmup-ablation.md"))
    }

    @Test func anEmptyNotebookExportsNothing() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let jsonl = try notebook.hearth("export")
        #expect(jsonl.status == 0, "\(jsonl)")
        #expect(jsonl.stdout.isEmpty)
        let csv = try notebook.hearth("export", "--format", "csv")
        #expect(csv.stdout == "path,body\n")
    }
}
