import Foundation
import TestSupport
import Testing

/// The laptop's editor holds today's entry from before `hearth sync` brought the desk's line
/// into it, and saves: with the real binary, a scripted editor and real vim under tmux, every
/// line written on either device ends up on both.
@Suite struct StaleEditorSaveTests {
    static let path = SyncCommandTests.path
    static let deskLine = "- desk: fixed the bike"
    static let laptopLine = "- laptop: evening swim"
    static let note = "kept lines a stale editor save dropped in \(path)"

    /// The desk appends its line and syncs; the laptop syncs, which rewrites its entry.
    func deskLineArrives(_ devices: SyncCommandTests.TwoDevices) throws {
        try deskSendsItsLine(devices)
        try devices.notebook.hearth("sync", "--quiet").requireSuccess()
        #expect(try devices.notebook.text(Self.path).contains(Self.deskLine), "the laptop's sync did not bring the desk's line")
    }

    /// The desk appends its line to the entry and syncs.
    func deskSendsItsLine(_ devices: SyncCommandTests.TwoDevices) throws {
        let deskEntry = devices.desk.appendingPathComponent(Self.path)
        try Data((try devices.deskText(Self.path) + Self.deskLine + "\n").utf8).write(to: deskEntry)
        try devices.desk("sync", "--quiet").requireSuccess()
    }

    /// Saves `text` over the laptop's entry as vim with `backupcopy=no` does: a new file, renamed.
    func saveByRename(_ text: String, _ laptop: TemporaryNotebook) throws {
        try Data(text.utf8).write(to: laptop.url("days/2026/4913"))
        try #require(rename(laptop.url("days/2026/4913").path, laptop.url(Self.path).path) == 0)
    }

    /// Both devices sync, then each holds every line of `lines` and the same entry.
    func expectEveryLineOnBothDevices(_ devices: SyncCommandTests.TwoDevices, _ lines: [String],
                                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        try devices.notebook.hearth("sync", "--quiet").requireSuccess()
        try devices.desk("sync", "--quiet").requireSuccess()
        for (device, text) in [("laptop", try devices.notebook.text(Self.path)), ("desk", try devices.deskText(Self.path))] {
            for line in lines {
                #expect(text.contains(line), "\(device) lost \(line.debugDescription):\n\(text)", sourceLocation: sourceLocation)
            }
        }
        #expect(try devices.notebook.text(Self.path) == devices.deskText(Self.path), sourceLocation: sourceLocation)
    }

    func log(_ devices: SyncCommandTests.TwoDevices) throws -> String {
        try devices.notebook.git("log", "--format=%B").stdout
    }

    @Test(arguments: [false, true])
    func aStaleSaveFromAScriptedEditorKeepsBothLines(byRename: Bool) throws {
        let devices = try SyncCommandTests.TwoDevices()
        let laptop = devices.notebook
        let buffer = try laptop.text(Self.path)
        try deskLineArrives(devices)
        let saved = buffer + Self.laptopLine + "\n"
        if byRename {
            try saveByRename(saved, laptop)
        } else {
            let handle = try FileHandle(forWritingTo: laptop.url(Self.path))
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data(saved.utf8))
            try handle.close()
        }
        try expectEveryLineOnBothDevices(devices, buffer.split(separator: "\n").map(String.init) + [Self.deskLine, Self.laptopLine])
        let log = try log(devices)
        #expect(log.contains(Self.note), "\(log)")
    }

    @Test func withWatchRunningAStaleSaveKeepsTheDesksLine() throws {
        let devices = try SyncCommandTests.TwoDevices()
        let laptop = devices.notebook
        let buffer = try laptop.text(Self.path)
        let watch = try WatchProcess(laptop, ["watch", "--quiet", "0.3", "--interval", "1"])
        try #require(watch.waitForLine(containing: "sync (start)"), "\(watch.log)")
        try deskSendsItsLine(devices)
        // An interval sync brings the desk's line into the entry the editor holds without it.
        try #require(try watch.waitUntil { try laptop.text(Self.path).contains(Self.deskLine) }, "\(watch.log)")
        try saveByRename(buffer + Self.laptopLine + "\n", laptop)
        let remote = { try laptop.git(in: devices.remote, "show", "main:\(Self.path)").stdout }
        let arrived = try watch.waitUntil { let text = try remote(); return text.contains(Self.deskLine) && text.contains(Self.laptopLine) }
        #expect(arrived, "\(watch.log)\n\((try? remote()) ?? "")")
        #expect(watch.stop() == 0, "\(watch.log)")
        try expectEveryLineOnBothDevices(devices, buffer.split(separator: "\n").map(String.init) + [Self.deskLine, Self.laptopLine])
        let log = try log(devices)
        #expect(log.contains(Self.note), "\(log)")
    }

    @Test func deletingTheDesksLineAfterSeeingItIsNotUndone() throws {
        let devices = try SyncCommandTests.TwoDevices()
        let laptop = devices.notebook
        try deskLineArrives(devices)
        let seen = try laptop.text(Self.path)
        try laptop.write(Self.path, seen.replacingOccurrences(of: Self.deskLine + "\n", with: ""))
        try laptop.hearth("sync", "--quiet").requireSuccess()
        try devices.desk("sync", "--quiet").requireSuccess()
        #expect(try !laptop.text(Self.path).contains(Self.deskLine))
        #expect(try !devices.deskText(Self.path).contains(Self.deskLine))
        #expect(try !log(devices).contains(Self.note))
    }

    /// Real vim (no vimrc, so `autoread` is off; no swap file) on today's entry at the laptop's
    /// terminal, showing the entry.
    func vimOnTodaysEntry(_ laptop: TemporaryNotebook) throws -> TmuxSession {
        let terminal = try TmuxSession(laptop, environment: [:])
        try terminal.type("vim -u NONE -N -n -i NONE \(Self.path)")
        try terminal.press("Enter")
        try terminal.waitForScreen("vim showing the entry") { $0.contains("\(Self.path)\" ") }
        return terminal
    }

    /// Real vim shows today's entry on the laptop while the desk's line arrives by sync; the
    /// user types a line and `:w`: returns once vim warns that the file changed since it was read.
    func staleBufferWrittenInVim() throws -> (SyncCommandTests.TwoDevices, TmuxSession) {
        let devices = try SyncCommandTests.TwoDevices()
        let vim = try vimOnTodaysEntry(devices.notebook)
        try deskLineArrives(devices)
        try vim.press("G", "o")
        try vim.type(Self.laptopLine)
        try vim.press("Escape", ":w", "Enter")
        try vim.waitForScreen("vim's warning that the file changed") { $0.contains("Do you really want to write to it (y/n)?") }
        return (devices, vim)
    }

    /// Waits for the shell's prompt alone on the last line: vim has exited.
    func waitForVimToExit(_ terminal: TmuxSession) throws {
        let prompt = TmuxSession.prompt.trimmingCharacters(in: .whitespaces)
        try terminal.waitForScreen("vim to exit") { screen in
            screen.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) == prompt } == true
        }
    }

    @Test func vimWritingItsStaleBufferAfterTheWarningKeepsTheDesksLine() throws {
        let (devices, vim) = try staleBufferWrittenInVim()
        try vim.press("y")
        try vim.waitForScreen("vim's write") { $0.contains("written") }
        try vim.press(":q", "Enter")
        try waitForVimToExit(vim)
        #expect(try !devices.notebook.text(Self.path).contains(Self.deskLine), "vim's stale save should have dropped the desk's line")
        try expectEveryLineOnBothDevices(devices, [Self.deskLine, Self.laptopLine, "energy: 3", "mood: 3"])
        let log = try log(devices)
        #expect(log.contains(Self.note), "\(log)")
    }

    @Test func vimReloadingAfterTheWarningAndEditingAgainKeepsBothLines() throws {
        let (devices, vim) = try staleBufferWrittenInVim()
        try vim.press("n")
        try vim.waitForScreen("vim to take the answer") { $0.contains("(y/n)?n") && $0.contains("Press ENTER") }
        try vim.press("Enter")
        try vim.waitForScreen("vim back in normal mode") { !$0.contains("Press ENTER") }
        try vim.press(":checktime", "Enter")
        try vim.waitForScreen("vim's offer to load the file") { $0.contains("(L)oad File") }
        try vim.press("L")
        try vim.waitForScreen("the desk's line in vim") { $0.contains(Self.deskLine) }
        try vim.press("G", "o")
        try vim.type(Self.laptopLine)
        try vim.press("Escape", ":wq", "Enter")
        try waitForVimToExit(vim)
        try expectEveryLineOnBothDevices(devices, [Self.deskLine, Self.laptopLine, "energy: 3", "mood: 3"])
        // The save held the desk's line: a plain save, nothing to merge.
        #expect(try !log(devices).contains(Self.note))
    }
}
