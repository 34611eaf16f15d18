import Foundation
import TestSupport
import Testing

/// `Scripts/generate-notebook.py`, which `make bench` measures on, writes the same valid notebook
/// every time, so benchmark runs compare like with like.
@Suite struct BenchmarkNotebookTests {
    static let python = "/usr/bin/env"
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Scripts/generate-notebook.py").standardizedFileURL
    static let hasPython = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/python3")

    func generate(into folder: URL, notebook: TemporaryNotebook) throws {
        let result = try ProcessRunner.run(URL(fileURLWithPath: Self.python), ["python3", Self.script.path, folder.path, "--days", "60"],
                                           in: notebook.base, environment: ProcessInfo.processInfo.environment)
        try #require(result.status == 0, "\(result)")
    }

    @Test(.enabled(if: hasPython))
    func theGeneratorIsDeterministicAndItsEntriesAreValid() throws {
        let notebook = try TemporaryNotebook()
        let first = notebook.base.appendingPathComponent("one")
        let second = notebook.base.appendingPathComponent("nb")
        try generate(into: first, notebook: notebook)
        try generate(into: second, notebook: notebook)
        let files = try FileManager.default.subpathsOfDirectory(atPath: first.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(files.count == 60 + 20)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: second.path).filter { $0.hasSuffix(".md") }.sorted() == files)
        for file in files {
            #expect(try Data(contentsOf: first.appendingPathComponent(file)) == Data(contentsOf: second.appendingPathComponent(file)), "\(file)")
        }
        let check = try notebook.hearth("check")
        #expect(check.status == 0, "\(check)")
        #expect(check.stderr.contains("checked 80 entries: 0 errors, 0 warnings"), "\(check.stderr)")
    }
}
