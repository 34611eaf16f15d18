import Foundation
import TestSupport
import Testing

/// Issue 12, section 3's own test: real vim edits today's entry under tmux while `hearth watch`
/// runs on the laptop of ``SyncCommandTests/TwoDevices``, in a notebook whose `.gitignore` has
/// none of hearth's patterns. Vim's swap file sits beside the entry the whole time, its saves
/// make the `4913` test file and a `~` backup come and go; none of it is ever committed, the
/// saved text is, and the desk never receives a swap file.
@Suite struct EditorArtefactVimTests {
    typealias TwoDevices = SyncCommandTests.TwoDevices
    static let path = SyncCommandTests.path
    static let swap = "days/2026/.2026-11-22.md.swp"

    /// Whether a committed path is something an editor left: a vim swap or test file, a backup.
    static func isEditorLitter(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return (name.hasPrefix(".") && name.range(of: #"\.sw[a-z]$"#, options: .regularExpression) != nil)
            || name.hasSuffix("~") || name == "4913"
    }

    @Test func vimSavingWhileWatchRunsSendsTheTextAndNeverItsSwapFile() throws {
        let devices = try TwoDevices()
        let notebook = devices.notebook
        try notebook.write(".gitignore", "# my own\n*.log\n")
        try notebook.hearth("sync").requireSuccess()
        let watch = try WatchProcess(notebook, ["watch", "--quiet", "0.3", "--interval", "300"])
        try #require(watch.waitForLine(containing: "sync (start)"), "\(watch.log)")
        let remoteEntry = { try notebook.git(in: devices.remote, "show", "main:\(Self.path)").stdout }

        let terminal = try TmuxSession(notebook, environment: [:])
        // The swap file beside the entry, as vim's default 'directory' (".,~/tmp,...") puts it.
        try terminal.type("vim -u NONE -N -c 'set swapfile directory=.' \(Self.path)")
        try terminal.press("Enter")
        _ = try terminal.waitFor("vim's swap file beside the entry") { notebook.exists(Self.swap) ? true : nil }
        for save in 1...3 {
            let line = "typed in vim, save \(save)"
            try terminal.press("G", "o")
            try terminal.type(line)
            // :preserve writes everything to the swap file now, as vim does on its own while you type.
            try terminal.press("Escape")
            try terminal.type(":preserve")
            try terminal.press("Enter")
            try terminal.type(":w")
            try terminal.press("Enter")
            #expect(watch.waitUntil { (try? remoteEntry())?.contains(line + "\n") == true },
                    "save \(save) never reached the remote\n\(watch.log)\n\((try? terminal.screen()) ?? "")")
            // Synced while the swap file was there: the sync really had it to leave out.
            #expect(notebook.exists(Self.swap), terminal.shown)
        }
        // The desk syncs what the remote holds while vim is still open on the laptop.
        try devices.desk("sync").requireSuccess()
        let desk = try TemporaryNotebook.files(under: devices.desk)
        #expect(String(decoding: desk[Self.path] ?? [], as: UTF8.self).contains("typed in vim, save 3\n"))
        #expect(!desk.keys.contains(where: Self.isEditorLitter), "\(desk.keys.sorted())")

        try terminal.type(":q")
        try terminal.press("Enter")
        _ = try terminal.waitFor("vim to quit and remove its swap file") { notebook.exists(Self.swap) ? nil : true }
        #expect(watch.stop() == 0, "\(watch.log)")
        for repository in [notebook.root, devices.remote, devices.desk] {
            let named = try notebook.git(in: repository, "log", "--all", "--name-only", "--format=").stdoutLines.filter { !$0.isEmpty }
            #expect(named.contains(Self.path), "\(repository.lastPathComponent): \(named)")
            #expect(!named.contains(where: Self.isEditorLitter), "\(repository.lastPathComponent): \(named)")
        }
        // Every change the watcher committed was the entry's.
        let commits = watch.lines.filter { $0.contains("committed \"") }
        #expect(!commits.isEmpty && commits.allSatisfy { $0.contains("laptop: edit \(Self.path) (body)") }, "\(watch.log)")
    }
}
