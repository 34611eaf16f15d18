import Foundation
import TestSupport
import Testing

/// `hearth check` on what other tools leave in entries: git conflict markers pushed from a plain
/// git clone, a heading twice, mixed line endings. Warnings name file and line, exit 0, change nothing.
@Suite struct CheckBodyLintTests {
    @Test func markersPushedByPlainGitAndOtherToolsLeftoversAreWarnedAbout() throws {
        // The desk is a plain git clone: it commits a day with an unresolved git merge in its body.
        let devices = try SyncCommandTests.TwoDevices()
        let notebook = devices.notebook
        let conflicted = "---\nkind: day\ndate: 2026-11-21\n---\n\n## Notes\n<<<<<<< HEAD\nSlept badly.\n=======\nSlept well.\n>>>>>>> phone\n"
        try notebook.write(devices.desk.appendingPathComponent("days/2026/2026-11-21.md"), bytes: Array(conflicted.utf8))
        try notebook.git(in: devices.desk, "add", "-A").requireSuccess()
        try notebook.git(in: devices.desk, "commit", "-q", "-m", "phone sync").requireSuccess()
        try notebook.git(in: devices.desk, "push", "-q", "origin", "main").requireSuccess()
        try notebook.hearth("sync").requireSuccess()

        try notebook.write("days/2026/2026-11-20.md", "---\nkind: day\ndate: 2026-11-20\n---\n\n## Done\n- a\n\n## Notes\n\n## Done\n- b\n")
        try notebook.write("days/2026/2026-11-19.md", bytes: Array("---\r\nkind: day\r\ndate: 2026-11-19\r\n---\r\n\r\n## Done\r\n- a\n".utf8))
        let before = try notebook.snapshot()

        let result = try notebook.hearth("check")
        #expect(result.status == 0, "warnings alone: \(result)")
        let lines = result.stdoutLines
        #expect(lines.contains { $0.hasPrefix("days/2026/2026-11-21.md:7: warning: git conflict markers") && $0.contains("lines 7, 9, 11") },
                "\(result.stdout)")
        #expect(lines.contains { $0.hasPrefix("days/2026/2026-11-20.md:11: warning: heading '## Done' appears twice") },
                "\(result.stdout)")
        #expect(lines.contains { $0.hasPrefix("days/2026/2026-11-19.md:7: warning: mixed line endings") }, "\(result.stdout)")
        #expect(!result.stdout.contains("2026-11-22.md"), "hearth's own template is clean: \(result.stdout)")
        #expect(result.stderr.contains("3 warnings"), "\(result.stderr)")
        #expect(try notebook.snapshot() == before, "check changes nothing")

        let json = try notebook.hearth("check", "--json")
        let rows = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [[String: Any]], "\(json)")
        #expect(rows.contains { $0["path"] as? String == "days/2026/2026-11-21.md" && $0["line"] as? Int == 7 && $0["severity"] as? String == "warning" })
    }
}
