import Foundation
import TestSupport
import Testing

/// `Scripts/soak.py`, the harness of `make soak`, for 24 seconds with the built `hearth`: three
/// real `hearth watch` processes and their writers, so the harness cannot rot between soaks.
/// The figures of a real soak are in README; this run proves the harness still drives the
/// watchers, that what it checks held, and that its report says so.
@Suite struct SoakHarnessTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Scripts/soak.py").standardizedFileURL

    @Test(.enabled(if: BenchmarkNotebookTests.hasPython))
    func aShortSoakLosesNoLineAndConverges() throws {
        let hearth = try #require(HearthBinary.url)
        let notebook = try TemporaryNotebook()
        let out = notebook.base.appendingPathComponent("soak")
        // Short pauses so 24 seconds see many saves and syncs. Memory is judged by the real soak:
        // a few dozen syncs are too few for a slope, so the allowance here only catches a runaway.
        let result = try ProcessRunner.run(URL(fileURLWithPath: BenchmarkNotebookTests.python),
                                           ["python3", Self.script.path, "--hearth", hearth.path, "--out", out.path,
                                            "--minutes", "0.4", "--interval", "3", "--quiet", "0.5", "--mean-gap", "0.7",
                                            "--sample-every", "1", "--settle", "60", "--leak-allowance", "20"],
                                           in: notebook.base, environment: ProcessInfo.processInfo.environment, mergeOutput: true)
        #expect(result.status == 0, "\(result.stdout)")
        let report = try String(contentsOf: out.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(report.contains("Passed: the devices converged"), "\(report)")
        #expect(report.contains("Lines lost: laptop 0, desk 0, phone 0"), "\(report)")

        // The ledger holds the writers' lines, and the final notebook every one not removed.
        let ledger = try String(contentsOf: out.appendingPathComponent("ledger.tsv"), encoding: .utf8)
        let rows = ledger.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let written = Set(rows.filter { $0.count == 5 && $0[2] == "write" }.map { String($0[4]) })
        let removed = Set(rows.filter { $0.count == 5 && $0[2] == "remove" }.map { String($0[4]) })
        #expect(written.count >= 20, "\(ledger)")
        for device in ["laptop", "desk", "phone"] { #expect(written.contains { $0.hasPrefix("- \(device) ") }, "\(device)") }
        let laptop = out.appendingPathComponent("world/laptop")
        let grep = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["grep", "-rh", "--include=*.md", "^- ", laptop.path],
                                         in: notebook.base, environment: ProcessInfo.processInfo.environment)
        let present = Set(grep.stdout.split(separator: "\n").map(String.init))
        #expect(written.subtracting(removed).subtracting(present).isEmpty, "\(report)")

        // Each watcher synced, and the RSS samples cover the run.
        for device in ["laptop", "desk", "phone"] {
            let log = try String(contentsOf: out.appendingPathComponent("watch-\(device).log"), encoding: .utf8)
            #expect(log.contains("sync (change): committed"), "\(device): \(log)")
            #expect(log.contains("stopped"), "\(device): \(log)")
        }
        let samples = try String(contentsOf: out.appendingPathComponent("rss.csv"), encoding: .utf8).split(separator: "\n")
        #expect(samples.count > 10 && samples.dropFirst().allSatisfy { !$0.contains(",,") }, "\(samples)")
    }
}
