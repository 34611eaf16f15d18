import Foundation
import Testing
@testable import NoteKit

/// A notebook in a fresh temporary folder, removed when the test ends.
final class TemporaryNotebook {
    let root: URL
    let notebook: Notebook

    init() throws {
        let path = FileManager.default.temporaryDirectory.path + "/notekit-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        root = URL(fileURLWithPath: path, isDirectory: true)
        notebook = Notebook(root: root)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Writes a file (creating folders) and returns its absolute path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, bytes: Data(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, bytes: Data) throws -> String {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
        return url.path
    }

    func read(_ relative: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(relative)) }
}

@Suite struct NotebookTests {
    @Test func entryPathsSkipHiddenFoldersAndOtherFiles() throws {
        let tmp = try TemporaryNotebook()
        try tmp.write("days/2026/2026-11-22.md", "---\nkind: day\n---\n")
        try tmp.write("notes/idea.md", "text\n")
        try tmp.write("notes/image.png", "png")
        try tmp.write("notes/readme.txt", "txt")
        try tmp.write("notes/.hidden.md", "hidden file\n")
        try tmp.write(".git/HEAD.md", "not an entry\n")
        try tmp.write(".obsidian/workspace.md", "not an entry\n")
        try tmp.write("days/.trash/old.md", "not an entry\n")
        try tmp.write("top.md", "top\n")
        try FileManager.default.createDirectory(at: tmp.root.appendingPathComponent("folder.md"), withIntermediateDirectories: true)
        #expect(tmp.notebook.entryPaths() == ["days/2026/2026-11-22.md", "notes/idea.md", "top.md"])
    }

    @Test func scanReturnsMatchesAndDiagnosticsForBrokenFiles() throws {
        let tmp = try TemporaryNotebook()
        try tmp.write("days/2026/2026-11-20.md", "---\nenergy: 2\n---\n")
        try tmp.write("days/2026/2026-11-21.md", "---\nenergy: [1\n---\n")
        try tmp.write("days/2026/2026-11-22.md", "---\nenergy: 4\n---\n")
        try tmp.write("days/2026/2026-11-23.md", bytes: Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0x0A]))
        try tmp.write("days/2026/2026-11-24.md", "---\nenergy: 1\n")
        try tmp.write("notes/n.md", "---\nenergy: 1\n---\n")
        let scan = tmp.notebook.scan(Query(kinds: [.day], conditions: [try QueryCondition(parsing: "energy<=2")]))
        #expect(scan.notes.map(\.path) == ["days/2026/2026-11-20.md"])
        #expect(scan.diagnostics.map(\.path) == ["days/2026/2026-11-21.md", "days/2026/2026-11-23.md", "days/2026/2026-11-24.md"])
        #expect(scan.diagnostics.map(\.line) == [2, 2, 1])
        let everything = tmp.notebook.scan()
        #expect(everything.notes.count == 3)
        #expect(everything.diagnostics.count == 3)
        // Restricting to given paths reads only those.
        #expect(tmp.notebook.scan(paths: ["notes/n.md"]).notes.map(\.path) == ["notes/n.md"])
    }

    @Test func scanOfManyFilesKeepsPathOrder() throws {
        // More than 64 files takes the parallel path.
        let tmp = try TemporaryNotebook()
        for index in 0..<150 {
            let name = String(format: "notes/n%03d.md", index)
            try tmp.write(name, index % 10 == 0 ? "---\nbroken\n---\n" : "---\nindex: \(index)\n---\n")
        }
        let scan = tmp.notebook.scan()
        #expect(scan.notes.map { $0["index"]?.int ?? -1 } == (0..<150).filter { $0 % 10 != 0 })
        #expect(scan.diagnostics.map(\.path) == stride(from: 0, to: 150, by: 10).map { String(format: "notes/n%03d.md", $0) })
    }

    @Test func updateWritesAtomicallyAndMinimally() throws {
        let tmp = try TemporaryNotebook()
        let original = "---\r\nkind: day\r\nenergy: 2 # tired\r\n---\r\nBody\r\n"
        try tmp.write("days/2026/2026-11-22.md", original)
        let updated = try tmp.notebook.update("days/2026/2026-11-22.md") { $0.set("energy", to: .plain("4")) }
        #expect(updated["energy"]?.int == 4)
        #expect(try tmp.read("days/2026/2026-11-22.md") == Data("---\r\nkind: day\r\nenergy: 4 # tired\r\n---\r\nBody\r\n".utf8))
        // No temporary files are left next to the entry.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: tmp.root.appendingPathComponent("days/2026").path)
        #expect(siblings == ["2026-11-22.md"])
    }

    @Test func updateRefusesWhenTheFileChangedMeanwhile() throws {
        let tmp = try TemporaryNotebook()
        let path = try tmp.write("notes/a.md", "---\nenergy: 2\n---\n")
        let editorVersion = "---\nenergy: 5\n---\nsaved by an editor\n"
        #expect(throws: NotebookError.changedOnDisk(path: path)) {
            try tmp.notebook.update("notes/a.md") { note in
                try Data(editorVersion.utf8).write(to: URL(fileURLWithPath: path))
                note.set("energy", to: .plain("3"))
            }
        }
        #expect(try tmp.read("notes/a.md") == Data(editorVersion.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.root.appendingPathComponent("notes").path) == ["a.md"])
    }

    @Test func updateOfUnparseableFileThrowsAndKeepsBytes() throws {
        let tmp = try TemporaryNotebook()
        let bytes = Data("---\nenergy: [1\n---\nBody\n".utf8)
        try tmp.write("notes/bad.md", bytes: bytes)
        var called = false
        #expect(throws: NotebookError.self) {
            try tmp.notebook.update("notes/bad.md") { note in
                called = true
                note.set("energy", to: .plain("3"))
            }
        }
        #expect(!called)
        #expect(try tmp.read("notes/bad.md") == bytes)
    }

    @Test func unchangedUpdateDoesNotWrite() throws {
        let tmp = try TemporaryNotebook()
        let path = try tmp.write("notes/a.md", "---\nenergy: 2\n---\n")
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: path)
        try tmp.notebook.update("notes/a.md") { $0.set("energy", to: .plain("2")) }
        let after = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(before != nil)
        #expect(after == Date(timeIntervalSince1970: 1_000_000))
    }

    @Test func createRefusesToOverwrite() throws {
        let tmp = try TemporaryNotebook()
        var note = Note(path: "notes/new.md", frontMatter: nil, body: "Hello\n")
        note.set("kind", to: .plain("note"))
        try tmp.notebook.create(note)
        #expect(try tmp.read("notes/new.md") == Data("---\nkind: note\n---\nHello\n".utf8))
        #expect(throws: NotebookError.alreadyExists(path: tmp.root.appendingPathComponent("notes/new.md").path)) {
            try tmp.notebook.create(note)
        }
    }

    @Test func containedPathRefusesEscapes() throws {
        let tmp = try TemporaryNotebook()
        let outside = try TemporaryNotebook()
        try outside.write("secret.md", "secret\n")
        try FileManager.default.createSymbolicLink(atPath: tmp.root.appendingPathComponent("link.md").path,
                                                   withDestinationPath: outside.root.appendingPathComponent("secret.md").path)
        try FileManager.default.createSymbolicLink(atPath: tmp.root.appendingPathComponent("out").path,
                                                   withDestinationPath: outside.root.path)
        #expect(throws: NotebookError.outsideNotebook(path: "../x.md")) { try tmp.notebook.containedPath("../x.md") }
        #expect(throws: NotebookError.outsideNotebook(path: "notes/../../x.md")) { try tmp.notebook.containedPath("notes/../../x.md") }
        #expect(throws: NotebookError.outsideNotebook(path: "/etc/passwd")) { try tmp.notebook.containedPath("/etc/passwd") }
        #expect(throws: NotebookError.outsideNotebook(path: "link.md")) { try tmp.notebook.containedPath("link.md") }
        #expect(throws: NotebookError.outsideNotebook(path: "out/new.md")) { try tmp.notebook.containedPath("out/new.md") }
        #expect(try tmp.notebook.containedPath("notes/new.md") == tmp.root.path + "/notes/new.md")
        // A dangling link out of the notebook is judged by where it points, and nothing is written through it.
        let target = outside.root.path + "/created-through-link.md"
        try FileManager.default.createSymbolicLink(atPath: tmp.root.path + "/dangling.md", withDestinationPath: target)
        #expect(throws: NotebookError.outsideNotebook(path: "dangling.md")) { try tmp.notebook.containedPath("dangling.md") }
        #expect(throws: NotebookError.self) { try tmp.notebook.create(Note(path: "dangling.md", frontMatter: nil, body: "x\n")) }
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try tmp.notebook.containedPath("notes/../days/x.md") == tmp.root.path + "/days/x.md")
    }

    @Test func resolveFindsEntries() throws {
        let tmp = try TemporaryNotebook()
        try tmp.write("days/2026/2026-11-22.md", "today\n")
        try tmp.write("days/2026/2026-11-21.md", "yesterday\n")
        try tmp.write("experiments/2026/2026-11-20-warmup-schedule.md", "e\n")
        try tmp.write("experiments/2026/2026-11-19-warmup-length.md", "e\n")
        try tmp.write("experiments/2026/2026-11-18-batch-size.md", "e\n")
        try tmp.write("notes/2026-11-10.md", "a note named by date\n")
        try tmp.write("notes/reading-list.md", "r\n")
        let notebook = tmp.notebook
        let today = try #require(LocalDate("2026-11-22"))
        let cwd = tmp.root
        func resolve(_ reference: String, from directory: URL? = nil) throws -> String {
            try notebook.resolve(reference, today: today, workingDirectory: directory ?? cwd)
        }
        #expect(try resolve("today") == "days/2026/2026-11-22.md")
        #expect(try resolve("yesterday") == "days/2026/2026-11-21.md")
        #expect(try resolve("2026-11-21") == "days/2026/2026-11-21.md")
        #expect(try resolve("2026-11-10") == "notes/2026-11-10.md")
        #expect(throws: NotebookError.notFound(reference: "2026-11-01")) { try resolve("2026-11-01") }
        #expect(try resolve("notes/reading-list.md") == "notes/reading-list.md")
        #expect(try resolve("reading-list.md", from: URL(fileURLWithPath: cwd.path + "/notes", isDirectory: true)) == "notes/reading-list.md")
        #expect(throws: NotebookError.notFound(reference: "notes/missing.md")) { try resolve("notes/missing.md") }
        #expect(throws: NotebookError.outsideNotebook(path: "../x.md")) { try resolve("../x.md") }
        #expect(try resolve("batch") == "experiments/2026/2026-11-18-batch-size.md")
        #expect(try resolve("READING") == "notes/reading-list.md")
        #expect(try resolve("warmup-length") == "experiments/2026/2026-11-19-warmup-length.md")
        #expect(try resolve("2026-11-20-warm") == "experiments/2026/2026-11-20-warmup-schedule.md")
        #expect(throws: NotebookError.ambiguous(reference: "warmup", candidates: [
            "experiments/2026/2026-11-19-warmup-length.md", "experiments/2026/2026-11-20-warmup-schedule.md",
        ])) { try resolve("warmup") }
        #expect(throws: NotebookError.notFound(reference: "nothing")) { try resolve("nothing") }
        let error = NotebookError.ambiguous(reference: "warmup", candidates: ["a.md", "b.md"])
        #expect(error.description.contains("\n  a.md\n  b.md"))
    }
}

/// Known problems in files outside this test's remit (Notebook.swift), kept visible.
@Suite struct NotebookRootURLTests {
    @Test func rootWithoutTrailingSlashStillContainsItsFiles() throws {
        let tmp = try TemporaryNotebook()
        // The same folder as a URL that does not say it is a directory.
        let notebook = Notebook(root: URL(fileURLWithPath: tmp.root.path, isDirectory: false))
        #expect(try notebook.containedPath("notes/a.md") == tmp.root.path + "/notes/a.md")
    }
}
