import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `hearth watch` end to end: the built binary running on the laptop of ``SyncCommandTests/TwoDevices``
/// (a bare remote and a desk clone), real file writes, real signals. Every wait polls for what
/// should happen, with a generous deadline; nothing is asserted about how long it took.
@Suite struct WatchCommandTests {
    typealias TwoDevices = SyncCommandTests.TwoDevices
    static let path = SyncCommandTests.path

    /// Appends `line` to the entry at `path` under `root`, as an editor saving in place would.
    func append(_ line: String, to root: URL, path: String = Self.path) throws {
        let handle = try FileHandle(forWritingTo: root.appendingPathComponent(path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
    }

    /// The entry as the remote's `main` has it ("" when unreadable).
    func remoteEntry(_ devices: TwoDevices) throws -> String {
        try devices.notebook.git(in: devices.remote, "show", "main:\(Self.path)").stdout
    }

    /// How many commits the laptop's branch holds.
    func commitCount(_ devices: TwoDevices) throws -> Int {
        Int(try devices.notebook.git("rev-list", "--count", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Checks nothing of a sync is left behind in the laptop's repository: the sync lock is free
    /// (flock(1) takes it at once), no marker of an unfinished write, no index lock.
    func expectNothingHeld(_ devices: TwoDevices, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let git = devices.notebook.url(".git")
        let probe = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/flock"), ["-n", git.appendingPathComponent("hearth-sync.lock").path, "true"],
                                          in: devices.notebook.root, environment: devices.notebook.environment())
        #expect(probe.status == 0, "the sync lock is still held: \(probe)", sourceLocation: sourceLocation)
        let markers = (try? FileManager.default.contentsOfDirectory(atPath: git.appendingPathComponent("hearth/writing").path)) ?? []
        #expect(markers.isEmpty, "markers left: \(markers)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: git.appendingPathComponent("index.lock").path), sourceLocation: sourceLocation)
    }

    @Test(arguments: [[], ["--poll"]])
    func aSaveOnTheLaptopReachesTheRemoteAndTheDeskOnceFilesAreQuiet(detector: [String]) throws {
        let devices = try TwoDevices()
        let watch = try WatchProcess(devices.notebook, ["watch", "--quiet", "0.5", "--interval", "300"] + detector)
        try #require(watch.waitForLine(containing: "sync (start)"), "\(watch.log)")
        #expect(watch.log.contains(detector.isEmpty ? "(inotify;" : "(polling every 1 s;"), "\(watch.log)")

        try append("written while watching", to: devices.notebook.root)
        #expect(try watch.waitUntil { try remoteEntry(devices).contains("written while watching\n") }, "\(watch.log)")
        // The push lands before the sync's line is written: wait for the line.
        #expect(watch.waitForLine(containing: "sync (change): committed \"laptop: edit \(Self.path) (body)\"; sent 1 commit to origin/main"), "\(watch.log)")
        try devices.desk("sync", "--quiet").requireSuccess()
        #expect(try devices.deskText(Self.path).contains("written while watching\n"))
        #expect(watch.stop() == 0, "\(watch.log)")
    }

    @Test func withoutARemoteChangesAreCommittedHere() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        let watch = try WatchProcess(notebook, ["watch", "--quiet", "0.3", "--interval", "300"])
        #expect(watch.waitForLine(containing: "sync (start): committed \"laptop: add \(Self.path)\"; no remote configured, committed here only"), "\(watch.log)")
        try append("kept locally", to: notebook.root)
        #expect(try watch.waitUntil { try notebook.git("log", "-1", "--format=%s").stdout == "laptop: edit \(Self.path) (body)\n" }, "\(watch.log)")
        #expect(try notebook.git("status", "--porcelain").stdout.isEmpty)
        #expect(watch.stop() == 0, "\(watch.log)")
    }

    @Test func whatTheDeskSendsReachesTheLaptopThroughTheIntervalWithoutASyncOfItsOwn() throws {
        let devices = try TwoDevices()
        let watch = try WatchProcess(devices.notebook, ["watch", "--quiet", "0.3", "--interval", "1", "--verbose"])
        try #require(watch.waitForLine(containing: "sync (start)"), "\(watch.log)")

        try append("from the desk", to: devices.desk)
        try devices.desk("sync", "--quiet").requireSuccess()
        #expect(try watch.waitUntil { try devices.notebook.text(Self.path).contains("from the desk\n") }, "\(watch.log)")
        // Two more rounds after the one that brought it: the files it wrote started no sync.
        #expect(watch.waitUntil {
            let lines = watch.lines
            guard let received = lines.firstIndex(where: { $0.contains("received 1 commit from origin/main (1 file updated)") }) else { return false }
            return lines[received...].filter { $0.contains("sync (interval): up to date") }.count >= 2
        }, "\(watch.log)")
        let lines = watch.lines
        let received = try #require(lines.firstIndex { $0.contains("received 1 commit") })
        // The files it wrote were looked at (at most once: an interval round that comes first
        // on a loaded machine makes the look needless), found committed, and that was all.
        let looks = lines[received...].filter { $0.contains("files changed, nothing left to commit") }
        #expect(looks.count <= 1 && looks.allSatisfy { $0.hasSuffix("(the last sync wrote them)") }, "\(watch.log)")
        #expect(!lines[received...].contains { $0.contains("sync (change)") || $0.contains("sent") }, "\(watch.log)")
        // The laptop made no commit of its own: its branch is the desk's.
        #expect(try devices.notebook.git("log", "-1", "--format=%s").stdout == "desk: edit \(Self.path) (body)\n")
        #expect(try devices.notebook.git("status", "--porcelain").stdout.isEmpty)
        #expect(watch.stop() == 0, "\(watch.log)")
    }

    @Test func severalRapidSavesMakeOneCommit() throws {
        let devices = try TwoDevices()
        // Five saves back to back (microseconds apart) and a quiet window far longer than they
        // take even on a loaded machine: one burst, one commit.
        let watch = try WatchProcess(devices.notebook, ["watch", "--quiet", "3", "--interval", "300"])
        try #require(watch.waitForLine(containing: "sync (start)"), "\(watch.log)")
        let before = try commitCount(devices)

        for save in 1...5 {
            try append("rapid save \(save)", to: devices.notebook.root)
        }
        #expect(try watch.waitUntil { try remoteEntry(devices).contains("rapid save 5\n") }, "\(watch.log)")
        let history = try devices.notebook.git("log", "--format=%s").stdout
        #expect(try commitCount(devices) == before + 1, "\(history)")
        #expect(watch.waitForLine(containing: "sync (change)"), "\(watch.log)")
        #expect(watch.lines.filter { $0.contains("sync (change)") }.count == 1, "\(watch.log)")
        #expect(watch.stop() == 0, "\(watch.log)")
    }

    /// A folder remote left locked by a stopped push: the log says what happened, in the words
    /// it always used, and not `hearth sync`'s advice to remove the lock and run it again, which
    /// the watcher's own retries answer.
    @Test func aLockLeftInTheRemoteIsLoggedPlainlyAndRetried() throws {
        let devices = try TwoDevices()
        let watch = try WatchProcess(devices.notebook, ["watch", "--quiet", "0.3", "--interval", "300"])
        try #require(watch.waitForLine(containing: "sync (start)"), "\(watch.log)")
        let lock = devices.remote.appendingPathComponent("refs/heads/main.lock")
        try Data().write(to: lock)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: lock.path)

        try append("written while the remote is locked", to: devices.notebook.root)
        #expect(watch.waitForLine(containing: "did not take the push"), "\(watch.log)")
        let line = try #require(watch.lines.first { $0.contains("did not take the push") })
        #expect(line.range(of: #"failed: 'origin' did not take the push: its branch is locked by \S+main\.lock, unchanged for \d+ min; your changes are committed here; retrying in \d+ s$"#,
                           options: .regularExpression) != nil, "\(line)")
        #expect(!line.contains("hearth sync"), "\(line)")
        try FileManager.default.removeItem(at: lock)
        #expect(try watch.waitUntil { try remoteEntry(devices).contains("written while the remote is locked\n") }, "\(watch.log)")
        #expect(watch.stop() == 0, "\(watch.log)")
    }

    @Test func aRemoteThatGoesAwayIsLoggedAndRetriedUntilItComesBack() throws {
        let devices = try TwoDevices()
        let watch = try WatchProcess(devices.notebook, ["watch", "--quiet", "0.3", "--interval", "1"])
        try #require(watch.waitForLine(containing: "sync (start)"), "\(watch.log)")
        let away = devices.notebook.base.appendingPathComponent("remote-away.git")
        try FileManager.default.moveItem(at: devices.remote, to: away)

        try append("written offline", to: devices.notebook.root)
        #expect(watch.waitForLine(containing: "failed: cannot fetch from 'origin'"), "\(watch.log)")
        // Each failure is one line starting with the time, and the watcher keeps going.
        let failures = watch.lines.filter { $0.contains("failed") }
        #expect(!failures.isEmpty && failures.allSatisfy { $0.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"#, options: .regularExpression) != nil }, "\(watch.log)")
        #expect(failures.allSatisfy { $0.contains("retrying in") }, "\(watch.log)")
        #expect(watch.isRunning)
        // The change is committed here meanwhile, waiting to go out.
        #expect(try watch.waitUntil { try devices.notebook.git("status", "--porcelain").stdout.isEmpty })

        try FileManager.default.moveItem(at: away, to: devices.remote)
        #expect(try watch.waitUntil { try remoteEntry(devices).contains("written offline\n") }, "\(watch.log)")
        #expect(watch.isRunning)
        // The push lands before the sync's line is written: wait for the line too.
        #expect(watch.waitUntil { watch.lines.contains { $0.contains("sent") } }, "\(watch.log)")
        #expect(watch.lines.last { $0.contains("sent") }?.contains("sync (retry)") == true, "\(watch.log)")
        #expect(watch.stop() == 0, "\(watch.log)")
    }

    @Test(arguments: [(SIGTERM, true), (SIGINT, true), (SIGINT, false)])
    func aSignalEndsItWithExitZeroAfterTheSyncUnderWay(signal: Int32, duringSync: Bool) throws {
        let devices = try TwoDevices()
        // The trace shows when a sync has taken its snapshot; the hold keeps it there a second.
        let watch = try WatchProcess(devices.notebook, ["watch", "--quiet", "0.2", "--interval", "300"],
                                     environment: ["HEARTH_SYNC_TRACE": "1", "HEARTH_WATCH_HOLD_AT": "after-snapshot"])
        try #require(watch.waitForLine(containing: "sync (start)"), "\(watch.log)")
        if duringSync {
            try append("saved just before stopping", to: devices.notebook.root)
            try #require(watch.waitUntil { watch.log.components(separatedBy: "ms after-snapshot").count > 2 }, "\(watch.log)")
        }
        #expect(watch.stop(with: signal) == 0, "\(watch.log)")
        if duringSync {
            // The sync under way finished: the change went out before the exit.
            #expect(watch.log.contains("stopping after the sync under way"), "\(watch.log)")
            #expect(watch.log.contains("sync (change): committed"), "\(watch.log)")
            #expect(try remoteEntry(devices).contains("saved just before stopping\n"))
        }
        #expect(watch.lines.last?.hasSuffix(" stopped") == true, "\(watch.log)")
        try expectNothingHeld(devices)
        // A sync right after does not wait for anything.
        let sync = try devices.notebook.hearth("sync", "--wait", "0")
        #expect(sync.status == 0, "\(sync)")
    }

    @Test func itRestartsItselfWhenItHasGrownAndKeepsSyncingAndStoppingCleanly() throws {
        let devices = try TwoDevices()
        // Each sync leaks about half a megabyte in libgit2 1.5.1: a 1 MB allowance restarts often.
        let watch = try WatchProcess(devices.notebook, ["watch", "--quiet", "0.2", "--interval", "0.2", "--restart-after", "1"])
        #expect(watch.waitUntil(seconds: 30) { watch.lines.filter { $0.contains("restarting to give back memory") }.count >= 2 }, "\(watch.log)")
        #expect(watch.isRunning)
        try append("after restarts", to: devices.notebook.root)
        #expect(try watch.waitUntil { try remoteEntry(devices).contains("after restarts\n") }, "\(watch.log)")
        // Signals stay blocked across the exec: one that lands while it restarts still stops it cleanly.
        #expect(watch.stop() == 0, "\(watch.log)")
        #expect(watch.lines.last?.hasSuffix(" stopped") == true, "\(watch.log)")
        try expectNothingHeld(devices)
    }

    @Test func anEditorSavingWhileWatchSyncsAndMergesNeverLosesASave() throws {
        let devices = try TwoDevices()
        let watch = try WatchProcess(devices.notebook, ["watch", "--quiet", "0.1", "--interval", "1"])
        try #require(watch.waitForLine(containing: "sync (start)"), "\(watch.log)")
        // A vim-like editor: it never reloads, so each save writes its whole buffer (in place, or
        // a swap file renamed over the entry), whatever the watcher merged into the file meanwhile.
        let saves = 40
        let editor = try ChildProcess("/bin/sh", ["-c", """
            buffer=$(cat "$1"); i=0
            while [ $i -lt \(saves) ]; do
                i=$((i+1)); buffer="$buffer
            editor save $i"
                if [ $((i % 2)) = 0 ]; then printf '%s\\n' "$buffer" > "$1"
                else printf '%s\\n' "$buffer" > "$1.swp" && mv "$1.swp" "$1"; fi
                sleep 0.05
            done
            """, "editor", devices.notebook.url(Self.path).path],
                                      environment: devices.notebook.environment())
        // Meanwhile the desk changes the same entry, so the watcher's syncs merge and rewrite it.
        for round in 1...3 {
            try append("desk round \(round)", to: devices.desk)
            try devices.desk("sync", "--quiet").requireSuccess()
        }
        editor.wait()
        // Its last save holds every line it wrote; the desk's lines it saved over are its user's
        // deletion, as with any editor that does not reload.
        let expected = (1...saves).map { "editor save \($0)\n" }
        #expect(try watch.waitUntil(seconds: 30) { let text = try remoteEntry(devices); return expected.allSatisfy(text.contains) },
                "missing on the remote: \(expected.filter { !((try? remoteEntry(devices)) ?? "").contains($0) })\n\(watch.log)")
        #expect(watch.stop() == 0, "\(watch.log)")
        try devices.notebook.hearth("sync", "--quiet").requireSuccess()
        let history = try devices.notebook.git("log", "--format=%s").stdoutLines
        #expect(history.filter { $0 == "desk: edit \(Self.path) (body)" }.count == 3, "\(history)")
        #expect(try devices.notebook.text(Self.path) == remoteEntry(devices))
    }

    @Test(.enabled(if: TemporaryNotebook.canFakeTerminal))
    func failuresAreRedOnATerminalAndPlainWithNoColorOrInAFile() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("remote", "add", "origin", notebook.base.appendingPathComponent("nowhere.git").path).requireSuccess()
        let binary = try #require(HearthBinary.url)
        for (noColor, coloured) in [("", true), ("1", false)] {
            // script(1) records what the terminal shows in `screen` as it comes (-f): once the
            // failure is there, SIGTERM ends watch and its exit code becomes script's.
            let screen = notebook.base.appendingPathComponent("screen-\(noColor.isEmpty ? "colour" : "plain")").path
            let command = "'\(binary.path)' watch --interval 1 & pid=$!; i=0; "
                + "until grep -q 'failed:' '\(screen)' || [ $i -ge 400 ]; do i=$((i+1)); sleep 0.05; done; kill -TERM $pid; wait $pid"
            let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/script"), ["-qefc", command, screen], in: notebook.root,
                                               environment: notebook.environment(["NO_COLOR": noColor, "TERM": "xterm"]))
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("failed: cannot fetch from 'origin'"), "\(result)")
            #expect(result.stdout.contains("\u{1B}[31m") == coloured, "NO_COLOR=\(noColor): \(result)")
        }
        // Not a terminal: plain, NO_COLOR or not.
        let watch = try WatchProcess(notebook, ["watch", "--interval", "1"], environment: ["NO_COLOR": "", "TERM": "xterm"])
        #expect(watch.waitForLine(containing: "failed: cannot fetch from 'origin'"), "\(watch.log)")
        #expect(watch.stop() == 0, "\(watch.log)")
        #expect(!watch.log.contains("\u{1B}"), "\(watch.log)")
    }

    @Test(arguments: [["--interval", "0"], ["--interval=-5"], ["--interval", "-5"], ["--quiet", "-1"],
                      ["--interval", "soon"], ["--interval", "nan"], ["--quiet", "inf"], ["--restart-after", "0"]])
    func badOptionValuesAreUsageErrors(arguments: [String]) throws {
        let devices = try TwoDevices()
        let before = try devices.notebook.git("rev-parse", "HEAD").stdout
        try append("not synced", to: devices.notebook.root)
        let result = try devices.notebook.hearth(["watch"] + arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(arguments[0].split(separator: "=")[0]), "\(result)")
        #expect(try devices.notebook.git("rev-parse", "HEAD").stdout == before)
    }

    @Test func aRemoteThatIsNotConfiguredIsRefusedAtOnceWithExitOne() throws {
        let devices = try TwoDevices()
        let result = try devices.notebook.hearth("watch", "backup", "--interval", "1")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("no remote named 'backup' (configured: origin)"), "\(result)")
    }

    @Test func aFolderThatIsNoGitRepositoryIsRefusedWithExitOne() throws {
        let notebook = try TemporaryNotebook()
        try notebook.write("notes/a.md", "---\nkind: note\n---\nhello\n")
        let result = try notebook.hearth("watch", "--interval", "1")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.hasPrefix("hearth: error: "), "\(result)")
    }
}
