import Foundation
import Testing

/// On a terminal, `new`, `today` and `edit` open `$VISUAL` (else `$EDITOR`); `script` gives the
/// real binary a pseudo-terminal, and the "editor" is a shell script that appends a marker line.
/// These tests pin down how the editor's command line is read and how its end is reported; what
/// it takes to share the terminal with a real editor is in ``EditorTerminalTests``.
@Suite struct EditorTests {
    func fakeEditor(_ notebook: TemporaryNotebook, marker: String) throws -> String {
        let path = notebook.base.appendingPathComponent("editor-\(marker.replacingOccurrences(of: " ", with: "-")).sh").path
        try script("echo \"\(marker)\" >> \"$1\"", at: path)
        return path
    }

    /// An editor that writes the arguments it got, one a line, to `arguments.log` next to the
    /// notebook, then appends `marker` to the file it was given (the last argument) and runs `then`.
    func recordingEditor(_ notebook: TemporaryNotebook, in folder: String = "bin", then: String = "") throws -> String {
        let path = notebook.base.appendingPathComponent(folder).appendingPathComponent("record.sh").path
        try script("""
            printf '%s\\n' "$@" > '\(argumentLog(notebook).path)'
            for last; do :; done
            echo marker >> "$last"
            \(then)
            """, at: path)
        return path
    }

    func argumentLog(_ notebook: TemporaryNotebook) -> URL { notebook.base.appendingPathComponent("arguments.log") }

    func loggedArguments(_ notebook: TemporaryNotebook) throws -> [String] {
        try String(contentsOf: argumentLog(notebook), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// Writes an executable shell script. Its descriptor is close-on-exec: a child another test
    /// starts meanwhile must not carry it open, or running the script fails with "Text file busy".
    func script(_ body: String, at path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let bytes = Array("#!/bin/sh\n\(body)\n".utf8)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw SetupFailure(message: "cannot create \(path): errno \(errno)") }
        defer { close(descriptor) }
        guard write(descriptor, bytes, bytes.count) == bytes.count, fchmod(descriptor, 0o755) == 0 else {
            throw SetupFailure(message: "cannot write \(path): errno \(errno)")
        }
    }

    @Test func todayOpensTheEditorOnATerminal() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let editor = try fakeEditor(notebook, marker: "from EDITOR")
        let result = try notebook.hearthOnTerminal(["today"], environment: ["EDITOR": editor, "TERM": "xterm"])
        #expect(result.status == 0, "\(result)")
        #expect(try notebook.text("days/2026/2026-11-22.md").hasSuffix("## Notes\nfrom EDITOR\n"))
    }

    @Test func visualWinsOverEditorAndNoEditSkipsBoth() throws {
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

    @Test func editorArgumentsReachTheEditorWordByWord() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let editor = try recordingEditor(notebook)
        let result = try notebook.hearthOnTerminal(["today"], environment: ["EDITOR": "\(editor)  --wait -n", "TERM": "xterm"])
        #expect(result.status == 0, "\(result)")
        #expect(try loggedArguments(notebook) == ["--wait", "-n", notebook.url("days/2026/2026-11-22.md").path])
        #expect(try notebook.text("days/2026/2026-11-22.md").hasSuffix("## Notes\nmarker\n"))
    }

    /// A value with quotes is shell syntax, as in git: the quoted words stay whole, and the
    /// entry's path, here in a folder with a space, reaches the editor as one argument.
    @Test func quotedEditorPathAndArgumentsWithSpacesWorkAsInGit() throws {
        let notebook = try TemporaryNotebook()
        // hearth runs in the (empty) default folder and finds the notebook with -C.
        try FileManager.default.createDirectory(at: notebook.root, withIntermediateDirectories: true)
        let folder = notebook.base.appendingPathComponent("my notes")
        #expect(try notebook.hearth(["init", folder.path, "--device", "laptop"], in: notebook.base).status == 0)
        let editor = try recordingEditor(notebook, in: "my editors")
        let result = try notebook.hearthOnTerminal(["-C", folder.path, "today"],
                                                   environment: ["VISUAL": "'\(editor)' --title \"two  words\"", "TERM": "xterm"])
        #expect(result.status == 0, "\(result)")
        let entry = folder.appendingPathComponent("days/2026/2026-11-22.md")
        #expect(try loggedArguments(notebook) == ["--title", "two  words", entry.path])
        #expect(try String(contentsOf: entry, encoding: .utf8).hasSuffix("## Notes\nmarker\n"))
    }

    /// Unquoted, a path with a space would be two words to the shell; a value that is exactly an
    /// executable file runs as that file.
    @Test func unquotedEditorPathWithSpacesRunsThatFile() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let editor = try recordingEditor(notebook, in: "my editors")
        let result = try notebook.hearthOnTerminal(["today"], environment: ["EDITOR": editor, "TERM": "xterm"])
        #expect(result.status == 0, "\(result)")
        #expect(try loggedArguments(notebook) == [notebook.url("days/2026/2026-11-22.md").path])
    }

    @Test func anEditorThatFailsFailsTheCommandAndKeepsTheFile() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        // Named as the line before names it: relative to the folder hearth runs in.
        let path = "days/2026/2026-11-22.md"
        let failing = try recordingEditor(notebook, then: "exit 3")
        var result = try notebook.hearthOnTerminal(["today"], environment: ["EDITOR": failing, "TERM": "xterm"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("\(path)\r\n") || result.stdout.hasPrefix("\(path)\n"), "\(result)")
        #expect(result.stdout.contains("hearth: error: editor '\(failing)' exited with status 3; \(path) is as the editor left it"), "\(result)")
        #expect(try notebook.text("days/2026/2026-11-22.md").hasSuffix("## Notes\nmarker\n"))

        let killed = try recordingEditor(notebook, in: "killed", then: "kill -TERM $$")
        result = try notebook.hearthOnTerminal(["edit", "today"], environment: ["EDITOR": killed, "TERM": "xterm"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("hearth: error: editor '\(killed)' was ended by signal 15 (Terminated); \(path) is as the editor left it"), "\(result)")
        #expect(try notebook.text("days/2026/2026-11-22.md").hasSuffix("## Notes\nmarker\nmarker\n"))

        result = try notebook.hearthOnTerminal(["edit", "today"], environment: ["EDITOR": "no-such-editor --wait", "TERM": "xterm"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("hearth: error: cannot start editor 'no-such-editor --wait': No such file or directory; set VISUAL or EDITOR to an editor that is installed"), "\(result)")

        // Quoted, the value goes to sh, which reports the missing program itself (status 127).
        result = try notebook.hearthOnTerminal(["edit", "today"], environment: ["EDITOR": "'no such editor'", "TERM": "xterm"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("hearth: error: editor ''no such editor'' exited with status 127 (the shell could not run it); \(path) is as the editor left it"), "\(result)")
    }
}
