import Foundation
import TestSupport
import Testing

/// `Scripts/generate-history.py`, the long history `make bench` times the history commands on:
/// at a small size, the history it writes is one hearth itself would have written (the merges it
/// checks are redone by the real `hearth sync` and must give the same trees, or it fails), with
/// what the benchmark needs in it: merges, conflicts recorded and resolved, renames.
@Suite struct HistoryGeneratorTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Scripts/generate-history.py").standardizedFileURL

    private func generate(_ cache: URL, notebook: TemporaryNotebook) throws -> URL {
        let hearth = try #require(HearthBinary.url)
        let result = try ProcessRunner.run(URL(fileURLWithPath: BenchmarkNotebookTests.python),
                                           ["python3", Self.script.path, cache.path, "--hearth", hearth.path,
                                            "--days", "150", "--verify", "4", "--real-days", "1"],
                                           in: notebook.base, environment: ProcessInfo.processInfo.environment)
        try #require(result.status == 0, "\(result)")
        return URL(fileURLWithPath: try #require(result.stdout.split(separator: "\n").last.map(String.init)))
    }

    private func lines(_ result: ProcessResult) -> [Substring] {
        result.stdout.split(separator: "\n")
    }

    @Test(.enabled(if: BenchmarkNotebookTests.hasPython))
    func theHistoryIsOneHearthWouldHaveWritten() throws {
        let notebook = try TemporaryNotebook()
        let cache = notebook.base.appendingPathComponent("cache")
        let folder = try generate(cache, notebook: notebook)
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.txt"), encoding: .utf8)
        #expect(summary.contains("4 merges checked against hearth sync"), "\(summary)")

        let laptop = folder.appendingPathComponent("laptop")
        let commits = try notebook.git(in: laptop, "rev-list", "--count", "HEAD")
        #expect((Int(commits.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 150 * 2, "\(commits)")
        #expect(lines(try notebook.git(in: laptop, "rev-list", "--merges", "HEAD")).count >= 10)
        // Each device's commits carry its name, as hearth's do.
        let subjects = lines(try notebook.git(in: laptop, "log", "--format=%s"))
        for device in ["laptop", "desk", "phone"] { #expect(subjects.contains { $0.hasPrefix("\(device): ") }, "\(device)") }
        // Conflicts were recorded by merges and resolved later, the records gone at the end.
        let recorded = subjects.filter { $0.contains(" conflict)") }
        #expect(!recorded.isEmpty)
        #expect(subjects.filter { $0.contains(": resolve days/") }.count == recorded.count)
        #expect(!FileManager.default.fileExists(atPath: laptop.appendingPathComponent(".hearth/conflicts").path))
        // The reading list was renamed twice, and hearth follows it back to its first name.
        let log = try notebook.hearth("-C", laptop.path, "log", "notes/reading/books-and-papers.md", "--json")
        #expect(log.status == 0, "\(log)")
        #expect(log.stdout.contains("\"notes/reading-list.md\"") && log.stdout.contains("\"notes/reading/books.md\""), "\(log.stdout.prefix(2000))")
        // Every entry is valid, and the repository is sound.
        let check = try notebook.hearth("-C", laptop.path, "check")
        #expect(check.status == 0, "\(check)")
        #expect(try notebook.git(in: folder.appendingPathComponent("remote.git"), "fsck", "--strict").status == 0)

        // A second run with the same parameters reuses the history.
        let marker = folder.appendingPathComponent("done")
        let written = try FileManager.default.attributesOfItem(atPath: marker.path)[.modificationDate] as? Date
        #expect(try generate(cache, notebook: notebook) == folder)
        #expect(try FileManager.default.attributesOfItem(atPath: marker.path)[.modificationDate] as? Date == written)
    }
}
