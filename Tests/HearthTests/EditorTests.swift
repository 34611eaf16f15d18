import Foundation
import Testing

/// On a terminal, `new`, `today` and `edit` open `$VISUAL` (else `$EDITOR`); `script` gives the
/// real binary a pseudo-terminal, and the "editor" is a shell script that appends a marker line.
@Suite struct EditorTests {
    func fakeEditor(_ notebook: TemporaryNotebook, marker: String) throws -> String {
        // $EDITOR is a command line (flags allowed, as git reads it), so the path has no spaces.
        let path = notebook.base.appendingPathComponent("editor-\(marker.replacingOccurrences(of: " ", with: "-")).sh").path
        try "#!/bin/sh\necho \"\(marker)\" >> \"$1\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test(.enabled(if: TemporaryNotebook.canFakeTerminal))
    func todayOpensTheEditorOnATerminal() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let editor = try fakeEditor(notebook, marker: "from EDITOR")
        let result = try notebook.hearthOnTerminal(["today"], environment: ["EDITOR": editor, "TERM": "xterm"])
        #expect(result.status == 0, "\(result)")
        #expect(try notebook.text("days/2026/2026-11-22.md").hasSuffix("## Notes\nfrom EDITOR\n"))
    }

    @Test(.enabled(if: TemporaryNotebook.canFakeTerminal))
    func visualWinsOverEditorAndNoEditSkipsBoth() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let visual = try fakeEditor(notebook, marker: "from VISUAL")
        let editor = try fakeEditor(notebook, marker: "from EDITOR")
        let environment = ["VISUAL": visual, "EDITOR": editor, "TERM": "xterm"]
        _ = try notebook.hearthOnTerminal(["new", "note", "--title", "Reading list"], environment: environment)
        let text = try notebook.text("notes/reading-list.md")
        #expect(text.contains("from VISUAL") && !text.contains("from EDITOR"), "\(text)")
        _ = try notebook.hearthOnTerminal(["edit", "reading", "--no-edit"], environment: environment)
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
