import Foundation
import Testing

/// `hearth check`: one `file:line:` report per problem, exit 1 on errors, 0 on warnings alone.
@Suite struct CheckCommandTests {
    @Test func aCleanNotebookPasses() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        #expect(try notebook.hearth("new", "day", "--set", "energy=3").status == 0)
        #expect(try notebook.hearth("new", "day", "--date", "2026-11-21").status == 0)
        #expect(try notebook.hearth("new", "note", "--title", "Ideas").status == 0)
        #expect(try notebook.hearth("new", "experiment", "--title", "Warmup", "--set", "predicted_failure=data").status == 0)
        try notebook.write("notes/plain.md", "No front-matter.\n")
        let before = try notebook.snapshot()
        let result = try notebook.hearth("check")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        #expect(result.stderr.contains("0 errors"), "\(result.stderr)")
        #expect(try notebook.snapshot() == before)
    }

    @Test func aWeekFromTheTemplatePassesCheck() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        #expect(try notebook.hearth("new", "week").status == 0)
        let result = try notebook.hearth("check")
        // An empty `who5: []` is "not recorded yet", as in a fresh template.
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
    }

    @Test func anExperimentWithoutPredictedFailureIsOnlyAWarning() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("experiments/2026/2026-11-22-warmup.md",
                           "---\nkind: experiment\ndate: 2026-11-22\ntitle: Warmup\np_success: 0.5\n---\n")
        let result = try notebook.hearth("check")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.count == 1, "\(result.stdout)")
        #expect(result.stdoutLines.first?.hasPrefix("experiments/2026/2026-11-22-warmup.md:1: warning:") == true, "\(result.stdout)")
        #expect(result.stdout.contains("predicted_failure"))
    }

    /// A failure mode of one's own is written as given; check suggests the usual ones and exits 0.
    @Test func anExperimentAcceptsAnyPredictedFailureAndCheckSuggestsTheUsualOnes() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let made = try notebook.hearth("new", "experiment", "--title", "Warmup", "--set", "predicted_failure=gpu-oom", "--no-edit")
        #expect(made.status == 0, "\(made)")
        let path = "experiments/2026/2026-11-22-warmup.md"
        #expect(try notebook.text(path).contains("\npredicted_failure: gpu-oom\n"))
        let set = try notebook.hearth("set", path, "predicted_failure=loss spikes")
        #expect(set.status == 0, "\(set)")
        #expect(try notebook.text(path).contains("\npredicted_failure: loss spikes\n"))
        let result = try notebook.hearth("check")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.count == 1, "\(result.stdout)")
        #expect(result.stdout.hasPrefix("\(path):"), "\(result.stdout)")
        #expect(result.stdout.contains("warning: predicted_failure 'loss spikes' is none of the usual words (bug, data, instability, no-effect, underpowered, infra, eval, scope, other)"), "\(result.stdout)")
        try notebook.hearth("set", path, "predicted_failure=instability").requireSuccess()
        let clean = try notebook.hearth("check")
        #expect(clean.status == 0 && clean.stdout.isEmpty, "\(clean)")
    }

    /// One broken file per problem the brief names, each with the line a person would fix.
    @Test func everyProblemIsReportedWithItsFileAndLine() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("days/2026/2026-11-01.md", "---\nkind: day\ndate: 2026-11-01\nmood: 3\nenergy: 9\n---\n")
        try notebook.write("days/2026/2026-11-02.md", "---\nkind: day\n# moved?\ndate: 2026-11-03\n---\n")
        try notebook.write("days/2026/2026-11-04.md", "---\nkind: day\ndate: 2026-11-04\nmood: : 3\n---\n")
        try notebook.write("days/2026/2026-11-05.md", "---\nkind: day\ndate: 2026-11-05\n\nbody, but no closing fence\n")
        try notebook.write("notes/latin1.md", bytes: Array("---\ntitle: x\n---\nline four\ncaf".utf8) + [0xE9, 0x0A])
        try notebook.write("notes/image.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        try notebook.write("notes/fine.md", "---\ntitle: fine\n---\n")
        let before = try notebook.snapshot()

        let result = try notebook.hearth("check")
        #expect(result.status == 1, "\(result)")
        let lines = result.stdoutLines
        func reported(_ prefix: String, _ words: String) -> Bool {
            lines.contains { $0.hasPrefix(prefix) && $0.contains(words) }
        }
        #expect(reported("days/2026/2026-11-01.md:5: error:", "energy"), "\(result.stdout)")
        #expect(reported("days/2026/2026-11-02.md:4: error:", "2026-11-03"), "\(result.stdout)")
        #expect(reported("days/2026/2026-11-04.md:4: error:", "YAML"), "\(result.stdout)")
        #expect(reported("days/2026/2026-11-05.md:1: error:", "never closed"), "\(result.stdout)")
        #expect(reported("notes/latin1.md:5: error:", "UTF-8"), "\(result.stdout)")
        #expect(reported("notes/image.md:3: error:", "binary"), "\(result.stdout)")
        #expect(!result.stdout.contains("notes/fine.md"))
        #expect(!result.stdout.contains("2026-11-01.md:4"), "mood 3 is valid")
        #expect(lines.allSatisfy { $0.contains(".md:") }, "\(result.stdout)")
        #expect(try notebook.snapshot() == before, "check changes nothing")
    }

    /// A YAML error that runs to the end of its entry belongs to the entry's line, not the next one
    /// (which may be a valid key or the closing fence).
    @Test func anUnclosedFlowListIsReportedOnItsOwnLine() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("notes/list.md", "---\ntitle: ok\ntags: [a, b\nmood: 3\n---\n")
        try notebook.write("notes/last.md", "---\ntitle: ok\nenergy: [\n---\nbody\n")
        let result = try notebook.hearth("check")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines.count == 2, "\(result.stdout)")
        #expect(result.stdoutLines.contains { $0.hasPrefix("notes/list.md:3: error:") }, "\(result.stdout)")
        #expect(result.stdoutLines.contains { $0.hasPrefix("notes/last.md:3: error:") }, "\(result.stdout)")
    }

    @Test func checkJSONListsTheSameProblems() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("days/2026/2026-11-01.md", "---\nkind: day\ndate: 2026-11-01\nenergy: 9\n---\n")
        let result = try notebook.hearth("check", "--json")
        #expect(result.status == 1, "\(result)")
        let rows = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["path"] as? String == "days/2026/2026-11-01.md")
        #expect((rows.first?["line"] as? NSNumber)?.intValue == 4)
        #expect(rows.first?["severity"] as? String == "error")
    }
}
