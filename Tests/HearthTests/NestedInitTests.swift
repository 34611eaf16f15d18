import Foundation
import TestSupport
import Testing

/// `hearth init` in a folder of an existing notebook would nest a repository and a second
/// hearth.yaml in it, which the outer notebook's sync then commits: it refuses, naming the notebook.
@Suite struct NestedInitTests {
    @Test(arguments: [["init"], ["-C", "days", "init"], ["init", "sub"]])
    func initInsideANotebookRefusesAndWritesNothing(arguments: [String]) throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        let days = notebook.url("days")
        let before = try TemporaryNotebook.files(under: notebook.root)
        let result = try notebook.hearth(arguments, in: arguments.first == "-C" ? notebook.root : days)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("inside the notebook at \(notebook.root.path)"), "\(result)")
        #expect(try TemporaryNotebook.files(under: notebook.root) == before)
        #expect(!FileManager.default.fileExists(atPath: days.appendingPathComponent("sub").path))
        #expect(try notebook.git("status", "--porcelain").stdout == "")
    }

    /// A folder that is a repository of its own is another world (the outer sync leaves it
    /// alone): init there still works.
    @Test func initInARepositoryOfItsOwnInsideANotebookWorks() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let inner = notebook.url("projects/inner")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        try notebook.git(in: inner, "init", "-q").requireSuccess()
        let result = try notebook.hearth("init", in: inner)
        #expect(result.status == 0, "\(result)")
        #expect(FileManager.default.fileExists(atPath: inner.appendingPathComponent("hearth.yaml").path))
    }
}
