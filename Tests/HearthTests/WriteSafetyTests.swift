import Foundation
import Testing

/// The guarantees every write keeps: never through a folder linked out of the notebook, never over
/// a read-only file, never leaving text hearth cannot read, never in the middle of a git merge.
@Suite struct WriteSafetyTests {
    /// `days` linked to a folder outside: quick logging and `new --set` must not follow it.
    @Test func quickLoggingDoesNotWriteThroughALinkedFolder() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let outside = notebook.base.appendingPathComponent("out")
        let original = Array("---\nkind: day\n---\n\n## Done\n".utf8)
        try notebook.write(outside.appendingPathComponent("2026/2026-11-22.md"), bytes: original)
        try FileManager.default.createSymbolicLink(at: notebook.url("days"), withDestinationURL: outside)
        for arguments in [["done", "ship", "x"], ["jot", "x"], ["grateful", "x"], ["new", "day", "--set", "energy=2", "--no-edit"],
                          ["set", "today", "energy=2"], ["today"]] {
            let result = try notebook.hearth(arguments)
            #expect(result.status == 1, "\(arguments): \(result)")
            #expect(result.stderr.contains("outside the notebook"), "\(arguments): \(result.stderr)")
        }
        #expect([UInt8](try Data(contentsOf: outside.appendingPathComponent("2026/2026-11-22.md"))) == original)
        #expect((try FileManager.default.contentsOfDirectory(atPath: outside.appendingPathComponent("2026").path)) == ["2026-11-22.md"])
    }

    @Test func aReadOnlyEntryIsNotReplaced() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let text = "---\nkind: day\ndate: 2026-11-20\nenergy: 3\n---\n"
        try notebook.write("days/2026/2026-11-20.md", text)
        let path = notebook.url("days/2026/2026-11-20.md").path
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
        let result = try notebook.hearth("set", "2026-11-20", "energy=2")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("read-only"), "\(result.stderr)")
        #expect(try notebook.text("days/2026/2026-11-20.md") == text)
    }

    @Test func importedTextWithANulByteIsRefused() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let export = notebook.base.appendingPathComponent("nul.json")
        // A good entry first: the bad second one must stop the import before anything is written.
        try Data(#"{"tags": {}, "entries": [{"title": "fine", "body": "ok", "date": "2026-11-19", "time": "08:00", "tags": [], "starred": false}, {"title": "x", "body": "line\u0000zero", "date": "2026-11-20", "time": "09:00", "tags": [], "starred": false}]}"#.utf8)
            .write(to: export)
        let before = try notebook.snapshot()
        let result = try notebook.hearth("import", "jrnl", export.path)
        #expect(result.status == 1, "\(result)")
        #expect(try notebook.snapshot() == before)
        // And the notebook stays importable.
        #expect(try notebook.hearth("list").status == 0)
    }

    @Test func initRefusesARepositoryInTheMiddleOfAMerge() throws {
        let notebook = try TemporaryNotebook()
        try FileManager.default.createDirectory(at: notebook.root, withIntermediateDirectories: true)
        try notebook.git("init", "-q", "-b", "main")
        try notebook.write("f.md", "base\n")
        try notebook.git("add", "-A")
        try notebook.git("commit", "-q", "-m", "base")
        try notebook.git("checkout", "-q", "-b", "other")
        try notebook.write("f.md", "other\n")
        try notebook.git("commit", "-q", "-am", "other")
        try notebook.git("checkout", "-q", "main")
        try notebook.write("f.md", "main\n")
        try notebook.git("commit", "-q", "-am", "main")
        let merge = try notebook.git("merge", "other")
        #expect(merge.status != 0, "the merge must conflict for this test")
        let head = try notebook.git("rev-parse", "HEAD").stdout
        let result = try notebook.hearth("init", ".")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("merge"), "\(result.stderr)")
        #expect(try notebook.git("rev-parse", "HEAD").stdout == head)
        #expect(!notebook.exists("hearth.yaml"))
    }

    @Test func initKeepsTheBytesOfANonUTF8Gitignore() throws {
        let notebook = try TemporaryNotebook()
        let original: [UInt8] = Array("# caf".utf8) + [0xE9] + Array("\nfoo\r\n".utf8)
        try notebook.write(".gitignore", bytes: original)
        let result = try notebook.hearth("init", "nb", in: notebook.base)
        #expect(result.status == 0, "\(result)")
        let written = try notebook.bytes(".gitignore")
        #expect(Array(written.prefix(original.count)) == original)
        #expect(String(decoding: written.dropFirst(original.count), as: UTF8.self).contains(".*.hearth-*.tmp"))
    }

    @Test func aFifoNamedLikeAnEntryDoesNotHang() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try FileManager.default.createDirectory(at: notebook.url("notes"), withIntermediateDirectories: true)
        #expect(mkfifo(notebook.url("notes/pipe.md").path, 0o644) == 0)
        let show = try notebook.hearth("show", "notes/pipe.md")
        #expect(show.status == 1, "\(show)")
        #expect(show.stderr.contains("not a regular file"), "\(show.stderr)")
    }
}
