import Foundation
import TestSupport
import Testing

/// On a terminal, `new`, `today` and `edit` open `$VISUAL` (else `$EDITOR`); `script` gives the
/// real binary a pseudo-terminal, and the "editor" is a shell script that appends a marker line.
@Suite struct EditorTests {
    /// Runs hearth under `script` so that stdin and stdout are a terminal.
    func runOnTerminal(_ notebook: TemporaryNotebook, _ arguments: [String], environment: [String: String]) throws -> ProcessResult {
        let hearth = try #require(HearthBinary.url)
        let command = ([hearth.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"],
                                     in: notebook.root, environment: notebook.environment(environment))
    }

    func fakeEditor(_ notebook: TemporaryNotebook, marker: String) throws -> String {
        // $EDITOR is a command line (flags allowed, as git reads it), so the path has no spaces.
        let path = notebook.base.appendingPathComponent("editor-\(marker.replacingOccurrences(of: " ", with: "-")).sh").path
        try "#!/bin/sh\necho \"\(marker)\" >> \"$1\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func todayOpensTheEditorOnATerminal() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let editor = try fakeEditor(notebook, marker: "from EDITOR")
        let result = try runOnTerminal(notebook, ["today"], environment: ["EDITOR": editor, "TERM": "xterm"])
        #expect(result.status == 0, "\(result)")
        #expect(try notebook.text("days/2026/2026-11-22.md").hasSuffix("## Notes\nfrom EDITOR\n"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func visualWinsOverEditorAndNoEditSkipsBoth() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let visual = try fakeEditor(notebook, marker: "from VISUAL")
        let editor = try fakeEditor(notebook, marker: "from EDITOR")
        let environment = ["VISUAL": visual, "EDITOR": editor, "TERM": "xterm"]
        _ = try runOnTerminal(notebook, ["new", "note", "--title", "Reading list"], environment: environment)
        let text = try notebook.text("notes/reading-list.md")
        #expect(text.contains("from VISUAL") && !text.contains("from EDITOR"), "\(text)")
        _ = try runOnTerminal(notebook, ["edit", "reading", "--no-edit"], environment: environment)
        #expect(try notebook.text("notes/reading-list.md") == text)
    }

    @Test func withoutATerminalNoEditorRuns() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let editor = try fakeEditor(notebook, marker: "should not appear")
        let result = try notebook.hearth(["today"], environment: ["EDITOR": editor])
        #expect(result.status == 0)
        #expect(!(try notebook.text("days/2026/2026-11-22.md")).contains("should not appear"))
    }
}
