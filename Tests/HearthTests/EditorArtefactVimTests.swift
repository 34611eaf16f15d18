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
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/vim"), "vim is not installed (make test installs it)")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"), "tmux is not installed (make test installs it)")
        let devices = try TwoDevices()
        let notebook = devices.notebook
        try notebook.write(".gitignore", "# my own\n*.log\n")
        try notebook.hearth("sync").requireSuccess()
        let watch = try WatchProcess(notebook, ["watch", "--quiet", "0.3", "--interval", "300"])
        try #require(watch.waitForLine(containing: "sync (start)"), "\(watch.log)")
        let remoteEntry = { try notebook.git(in: devices.remote, "show", "main:\(Self.path)").stdout }

        let vim = try TmuxVimSession(notebook, editing: Self.path)
        try #require(watch.waitUntil { notebook.exists(Self.swap) }, "vim made no swap file beside the entry:\n\(vim.screen)")
        for save in 1...3 {
            let line = "typed in vim, save \(save)"
            try vim.keys("G", "o")
            try vim.type(line)
            // :preserve writes everything to the swap file now, as vim does on its own while you type.
            try vim.keys("Escape", ":preserve", "Enter", ":w", "Enter")
            #expect(watch.waitUntil { (try? remoteEntry())?.contains(line + "\n") == true },
                    "save \(save) never reached the remote\n\(watch.log)\n\(vim.screen)")
            // Synced while the swap file was there: the sync really had it to leave out.
            #expect(notebook.exists(Self.swap), "vim's swap file is gone:\n\(vim.screen)")
        }
        // The desk clones what the remote holds while vim is still open on the laptop.
        try devices.desk("sync").requireSuccess()
        let desk = try TemporaryNotebook.files(under: devices.desk)
        #expect(String(decoding: desk[Self.path] ?? [], as: UTF8.self).contains("typed in vim, save 3\n"))
        #expect(!desk.keys.contains(where: Self.isEditorLitter), "\(desk.keys.sorted())")

        try vim.keys(":q", "Enter")
        #expect(watch.waitUntil { !vim.isRunning || !notebook.exists(Self.swap) }, "vim did not quit:\n\(vim.screen)")
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
