import Foundation
import Testing

/// Hearth only reads and writes files inside the notebook.
@Suite struct ContainmentTests {
    @Test func aRelativePathOutOfTheNotebookIsRefused() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let outside = notebook.base.appendingPathComponent("outside.md")
        let original = Array("---\nenergy: 3\n---\noutside\n".utf8)
        try notebook.write(outside, bytes: original)
        for arguments in [["set", "../outside.md", "energy=2"], ["unset", "../outside.md", "energy"],
                          ["set", outside.path, "energy=2"], ["show", "../outside.md"]] {
            let result = try notebook.hearth(arguments)
            #expect(result.status == 1, "\(arguments): \(result)")
            #expect(result.stderr.contains("outside"), "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
        }
        #expect([UInt8](try Data(contentsOf: outside)) == original)
    }

    @Test func aSymlinkOutOfTheNotebookIsNotWrittenThrough() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let outside = notebook.base.appendingPathComponent("outside.md")
        let original = Array("---\nkind: day\nenergy: 3\n---\nsecret outside text\n".utf8)
        try notebook.write(outside, bytes: original)
        try FileManager.default.createDirectory(at: notebook.url("days/2026"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: notebook.url("days/2026/2026-11-01.md"), withDestinationURL: outside)
        for arguments in [["set", "days/2026/2026-11-01.md", "energy=2"], ["set", "2026-11-01", "energy=2"],
                          ["unset", "2026-11-01", "energy"], ["show", "days/2026/2026-11-01.md"]] {
            let result = try notebook.hearth(arguments)
            #expect(result.status == 1, "\(arguments): \(result)")
            #expect(!result.stdout.contains("secret"), "\(arguments)")
        }
        #expect([UInt8](try Data(contentsOf: outside)) == original)
    }

    @Test func aSymlinkedFolderOutOfTheNotebookIsRefused() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let folder = notebook.base.appendingPathComponent("elsewhere")
        let original = Array("---\nenergy: 3\n---\n".utf8)
        try notebook.write(folder.appendingPathComponent("x.md"), bytes: original)
        try FileManager.default.createSymbolicLink(at: notebook.url("linked"), withDestinationURL: folder)
        let result = try notebook.hearth("set", "linked/x.md", "energy=2")
        #expect(result.status == 1, "\(result)")
        #expect([UInt8](try Data(contentsOf: folder.appendingPathComponent("x.md"))) == original)
        #expect(!(try notebook.hearth("list").stdout.contains("linked")), "links to folders are not followed")
    }

    @Test func showByDateDoesNotReadThroughASymlinkOut() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let outside = notebook.base.appendingPathComponent("outside.md")
        try notebook.write(outside, bytes: Array("---\nkind: day\n---\nsecret outside text\n".utf8))
        try FileManager.default.createDirectory(at: notebook.url("days/2026"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: notebook.url("days/2026/2026-11-01.md"), withDestinationURL: outside)
        let result = try notebook.hearth("show", "2026-11-01")
        let list = try notebook.hearth("list", "--json")
        #expect(!list.stdout.contains("2026-11-01"), "\(list)")
        #expect(result.status == 1, "\(result)")
        #expect(!result.stdout.contains("secret"))
    }
}
