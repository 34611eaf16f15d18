import Foundation
import Testing

/// The real vim and nano at a real terminal (a tmux pane running an interactive bash): hearth
/// must leave the terminal to the editor, wait for it, and pass on how it ended. A shell script
/// standing in for the editor cannot show this: it never touches the terminal, so it runs even
/// where vim is stopped by the kernel.
@Suite struct EditorTerminalTests {
    /// vim without anyone's vimrc or viminfo, so the keys below mean the same everywhere.
    static let vim = "vim -u NONE -i NONE"
    static let dayPath = "days/2026/2026-11-22.md"

    /// Waits for vim to show the entry (the last heading of the template, `marker`), then types
    /// `line` below the last line and writes with `command` (`:wq`; `:w` keeps vim open).
    func vimAppends(_ line: String, in session: TmuxSession, marker: String = "## Notes", command: String = ":wq") throws {
        try session.waitForScreen("vim to show the entry") { $0.contains(marker) }
        try session.press("G", "o")
        try session.type(line)
        try session.press("Escape")
        try session.type(command)
        try session.press("Enter")
    }

    /// A fresh notebook and terminal where `hearth today` has just been typed, with vim as `EDITOR`.
    func todayInVim() throws -> (TemporaryNotebook, TmuxSession) {
        let notebook = try TemporaryNotebook(initialized: true)
        let session = try TmuxSession(notebook, environment: ["EDITOR": Self.vim])
        try session.runHearth(["today"])
        return (notebook, session)
    }

    @Test func todayInVimSavesTheTypedLineAndExitsZero() throws {
        let (notebook, session) = try todayInVim()
        try vimAppends("walked to the river", in: session)
        #expect(try session.waitForHearthExit() == 0, session.shown)
        #expect(try notebook.text(Self.dayPath).hasSuffix("## Notes\nwalked to the river\n"))
    }

    @Test func todayInNanoSavesTheTypedLineAndExitsZero() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        // A plain program name: hearth runs it without a shell, found in PATH.
        let session = try TmuxSession(notebook, environment: ["VISUAL": "nano", "EDITOR": "false"])
        try session.runHearth(["today"])
        try session.waitForScreen("nano to show the entry") { $0.contains("GNU nano") && $0.contains("## Notes") }
        // M-/ goes to the last line (after "## Notes"); ^O Enter writes; ^X leaves.
        try session.press("M-/")
        try session.type("tea with Ana")
        try session.press("C-o")
        try session.waitForScreen("nano to ask for the file name") { $0.contains("File Name to Write") }
        try session.press("Enter")
        try session.waitForScreen("nano to write the file") { $0.contains("Wrote") }
        try session.press("C-x")
        #expect(try session.waitForHearthExit() == 0, session.shown)
        #expect(try notebook.text(Self.dayPath).hasSuffix("## Notes\ntea with Ana\n"))
    }

    @Test func ctrlCInVimReachesOnlyVimAndLeavesTheTerminalSane() throws {
        let (notebook, session) = try todayInVim()
        let pid = try session.hearthPID()
        try session.waitForScreen("vim to show the entry") { $0.contains("## Notes") }
        let template = try notebook.text(Self.dayPath)
        // vim reads Ctrl-C as a key (it turns the terminal's ISIG off), so the key alone never
        // signals hearth. A cooked-mode editor leaves ISIG on, and then the terminal sends SIGINT
        // to the whole foreground group: send it the same way, then the key.
        let group = try #require(TmuxSession.terminalForegroundGroup(of: pid))
        #expect(getpgid(pid) == group, "hearth is not in the terminal's foreground group")
        #expect(kill(-group, SIGINT) == 0)
        try session.press("C-c")
        // vim answers Ctrl-C in normal mode with this hint: the key has been delivered.
        try session.waitForScreen("vim to answer Ctrl-C") { $0.contains("and press <Enter> to exit Vim") }
        try #require(try session.hearthStatus() == nil, "the shell got its prompt back: \(session.shown)")
        let state = TmuxSession.processState(pid)
        try #require(state != nil && state != "Z", "hearth ended on Ctrl-C (state \(String(describing: state)))")
        #expect(try notebook.text(Self.dayPath) == template)

        try vimAppends("still here", in: session)
        // Had SIGINT ended hearth at any moment, its status would be 130.
        #expect(try session.waitForHearthExit() == 0, session.shown)
        #expect(try notebook.text(Self.dayPath) == template + "still here\n")
        let settings = try session.settingsAfterHearth()
        for mode in ["echo", "icanon", "isig"] {
            #expect(settings.range(of: "(^|\\s)\(mode)(\\s|$)", options: .regularExpression) != nil, "\(mode) is off:\n\(settings)")
        }
    }

    @Test func ctrlZStopsHearthWithVimAndFgResumesBoth() throws {
        let (notebook, session) = try todayInVim()
        let pid = try session.hearthPID()
        try session.waitForScreen("vim to show the entry") { $0.contains("## Notes") }
        try session.press("C-z")
        try session.waitForScreen("the shell to report the stopped job") { $0.contains("Stopped") }
        #expect(TmuxSession.processState(pid) == "T", "hearth is not stopped with its editor")
        let editors = TmuxSession.descendants(of: pid)
        #expect(editors.count == 1 && editors.allSatisfy { TmuxSession.processState($0) == "T" }, "editor processes: \(editors)")
        #expect(try session.hearthStatus() == nil)

        try session.type("fg")
        try session.press("Enter")
        // vim redraws its whole screen on resuming, which clears the shell's "Stopped" line.
        try vimAppends("back after fg", in: session, marker: "## Notes")
        #expect(try session.waitForHearthExit() == 0, session.shown)
        #expect(try notebook.text(Self.dayPath).hasSuffix("## Notes\nback after fg\n"))
    }

    @Test func vimQuittingWithAnErrorFailsHearthAndKeepsTheFile() throws {
        let (notebook, session) = try todayInVim()
        // Written with :w, then :cq quits with status 1: the file stays as vim wrote it.
        try vimAppends("half a thought", in: session, command: ":w")
        try session.waitForScreen("vim to write the file") { $0.contains("written") }
        try session.type(":cq")
        try session.press("Enter")
        #expect(try session.waitForHearthExit() == 1)
        let path = Self.dayPath
        let screen = try session.screen()
        #expect(screen.contains("hearth: error: editor '\(Self.vim)' exited with status 1; \(path) is as the editor left it"), "\(screen)")
        #expect(try notebook.text(Self.dayPath).hasSuffix("## Notes\nhalf a thought\n"))
    }

    @Test func newAndEditOpenVim() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let session = try TmuxSession(notebook, environment: ["EDITOR": Self.vim])
        try session.runHearth(["new", "note", "--title", "Reading list"])
        try vimAppends("- Middlemarch", in: session, marker: "Reading list")
        #expect(try session.waitForHearthExit() == 0, session.shown)
        #expect(try notebook.text("notes/reading-list.md").hasSuffix("- Middlemarch\n"))

        try session.press("C-l")
        try session.waitForScreen("the shell's prompt") { !$0.contains("Middlemarch") && $0.contains(TmuxSession.prompt) }
        try session.runHearth(["edit", "reading"])
        try vimAppends("- The Waves", in: session, marker: "Middlemarch")
        #expect(try session.waitForHearthExit() == 0, session.shown)
        #expect(try notebook.text("notes/reading-list.md").hasSuffix("- Middlemarch\n- The Waves\n"))
    }

    @Test func resolveEditOpensVimOnTheConflictedEntry() throws {
        let (devices, _) = try SyncCLITests().textConflict()
        let laptop = devices.notebook
        let id = try #require(try SyncCLITests().conflicts(laptop, in: devices.desk).first?["id"] as? String)
        let session = try TmuxSession(laptop, environment: ["EDITOR": Self.vim])
        try session.runHearth(["-C", devices.desk.path, "resolve", id, "--edit"])
        // The person keeps both versions' lines: every marker line goes.
        try session.waitForScreen("vim to show the conflict") { $0.contains("hearth:conflict") }
        try session.type(":g/hearth:conflict/d")
        try session.press("Enter")
        try session.type(":wq")
        try session.press("Enter")
        #expect(try session.waitForHearthExit() == 0, session.shown)
        #expect(try session.screen().contains("Resolved:"), session.shown)
        let text = try devices.deskText(Self.dayPath)
        #expect(text.contains("Walked to the river with Sam.") && text.contains("Walked to the lake."), "\(text)")
        #expect(!text.contains("hearth:conflict"), "\(text)")
        #expect(try SyncCLITests().conflicts(laptop, in: devices.desk).isEmpty)
    }
}
