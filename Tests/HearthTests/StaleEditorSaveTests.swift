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
        let deskEntry = devices.desk.appendingPathComponent(Self.path)
        try Data((try devices.deskText(Self.path) + Self.deskLine + "\n").utf8).write(to: deskEntry)
        try devices.desk("sync", "--quiet").requireSuccess()
        try devices.notebook.hearth("sync", "--quiet").requireSuccess()
        #expect(try devices.notebook.text(Self.path).contains(Self.deskLine), "the laptop's sync did not bring the desk's line")
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
            try Data(saved.utf8).write(to: laptop.url("days/2026/4913"))
            try #require(rename(laptop.url("days/2026/4913").path, laptop.url(Self.path).path) == 0)
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

    @Test(.enabled(if: VimUnderTmux.available))
    func vimWritingItsStaleBufferAfterTheWarningKeepsTheDesksLine() throws {
        let devices = try SyncCommandTests.TwoDevices()
        let laptop = devices.notebook
        let vim = try VimUnderTmux(editing: laptop.url(Self.path), in: laptop.root, environment: laptop.environment())
        defer { vim.stop() }
        try deskLineArrives(devices)
        try vim.send("G", "o")
        try vim.type(Self.laptopLine)
        try vim.send("Escape", ":w", "Enter")
        try vim.waitForScreen("Do you really want to write to it (y/n)?")
        try vim.send("y")
        try vim.waitForScreen("written")
        try vim.send(":q", "Enter")
        try vim.waitForExit()
        #expect(try !laptop.text(Self.path).contains(Self.deskLine), "vim's stale save should have dropped the desk's line")
        try expectEveryLineOnBothDevices(devices, [Self.deskLine, Self.laptopLine, "energy: 3", "mood: 3"])
        let log = try log(devices)
        #expect(log.contains(Self.note), "\(log)")
    }

    @Test(.enabled(if: VimUnderTmux.available))
    func vimReloadingAfterTheWarningAndEditingAgainKeepsBothLines() throws {
        let devices = try SyncCommandTests.TwoDevices()
        let laptop = devices.notebook
        let vim = try VimUnderTmux(editing: laptop.url(Self.path), in: laptop.root, environment: laptop.environment())
        defer { vim.stop() }
        try deskLineArrives(devices)
        try vim.send("G", "o")
        try vim.type(Self.laptopLine)
        try vim.send("Escape", ":w", "Enter")
        try vim.waitForScreen("Do you really want to write to it (y/n)?")
        try vim.send("n")
        try vim.send(":checktime", "Enter")
        try vim.waitForScreen("(L)oad File")
        try vim.send("L")
        try vim.waitForScreen(Self.deskLine)
        try vim.send("G", "o")
        try vim.type(Self.laptopLine)
        try vim.send("Escape", ":wq", "Enter")
        try vim.waitForExit()
        try expectEveryLineOnBothDevices(devices, [Self.deskLine, Self.laptopLine, "energy: 3", "mood: 3"])
        // The save held the desk's line: a plain save, nothing to merge.
        #expect(try !log(devices).contains(Self.note))
    }
}
