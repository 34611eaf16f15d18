import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// How `hearth watch` ends and what it says about itself, end to end with the built binary: the
/// notebook's folder going away, the inotify watch limit, a second stop signal while a sync hangs
/// on the network, a held sync lock, a closed stdout, ignored signals, restarts. Every wait polls
/// for what should happen, with a generous deadline; nothing is asserted about how long it took.
@Suite struct WatchLifecycleTests {
    typealias TwoDevices = SyncCommandTests.TwoDevices
    static let path = SyncCommandTests.path
    let helpers = WatchCommandTests()

    // MARK: - The notebook moved or deleted

    @Test(arguments: [[], ["--poll"]], [false, true])
    func movingOrDeletingTheNotebookEndsWatchWithExitOneAndOneLine(detector: [String], delete: Bool) throws {
        let devices = try TwoDevices()
        // --quiet 1: the look after the deletion's events never races the deletion itself.
        let watch = try WatchProcess(devices.notebook, ["watch", "--quiet", "1", "--interval", "300"] + detector)
        try #require(watch.waitForLine(containing: "sync (start)"), "\(watch.log)")
        let moved = devices.notebook.base.appendingPathComponent("nb-moved")
        if delete {
            try FileManager.default.removeItem(at: devices.notebook.root)
        } else {
            try FileManager.default.moveItem(at: devices.notebook.root, to: moved)
        }
        #expect(watch.waitForExit() == 1, "\(watch.log)")
        let line = "the notebook at \(devices.notebook.root.path) was moved or deleted; start hearth watch in its new place"
        #expect(watch.lines.filter { $0.contains(line) }.count == 1, "\(watch.log)")
        #expect(watch.lines.last?.hasSuffix(line) == true, "\(watch.log)")
        // No retries of a sync that cannot work.
        #expect(!watch.log.contains("retrying") && !watch.log.contains("failed"), "\(watch.log)")
        if !delete {
            // The folder in its new place is intact and was never synced from there.
            #expect(FileManager.default.fileExists(atPath: moved.appendingPathComponent(Self.path).path))
        }
    }

    // MARK: - The inotify watch limit

    /// Whether this machine lets an unprivileged user namespace set its own inotify watch limit
    /// (`unshare -Ur`, then `/proc/sys/user/max_inotify_watches`), without changing the system's.
    static let userNamespaceLimits: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let result = try? ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/unshare"),
                                            ["-Ur", "sh", "-c", "echo 3 > /proc/sys/user/max_inotify_watches && cat /proc/sys/user/max_inotify_watches"],
                                            in: URL(fileURLWithPath: "/"), environment: ["PATH": "/usr/bin:/bin"])
        return result?.status == 0 && result?.stdout == "3\n"
    }()

    /// Runs hearth in a user namespace whose inotify watch limit is `limit`.
    static func limited(to limit: Int) -> [String] {
        ["/usr/bin/unshare", "-Ur", "sh", "-c", "echo \(limit) > /proc/sys/user/max_inotify_watches && exec \"$0\" \"$@\""]
    }

    /// The folders inotify watches in a notebook: all but `.git` and those under it.
    static func folderCount(_ root: URL) -> Int {
        var count = 1
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey])
        while let url = walker?.nextObject() as? URL {
            if url.lastPathComponent == ".git" { walker?.skipDescendants(); continue }
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true { count += 1 }
        }
        return count
    }

    @Test(.enabled(if: userNamespaceLimits, "needs `unshare -Ur` (user namespaces) to lower the inotify watch limit without changing the system's; not available here"))
    func aWatchLimitTooLowAtTheStartIsSaidAndWatchPolls() throws {
        let devices = try TwoDevices()
        let watch = try WatchProcess(devices.notebook, ["watch", "--interval", "300", "--quiet", "0.5"], wrapper: Self.limited(to: 1))
        try #require(watch.waitForLine(containing: "sync (start)"), "\(watch.log)")
        #expect(watch.lines.contains {
            $0.contains("cannot watch with inotify: the inotify watch limit is reached (/proc/sys/fs/inotify/max_user_watches is ")
                && $0.hasSuffix("; polling every 1 s instead")
        }, "\(watch.log)")
        #expect(watch.log.contains("(polling every 1 s;"), "\(watch.log)")
        try helpers.append("seen by polling", to: devices.notebook.root)
        #expect(try watch.waitUntil { try helpers.remoteEntry(devices).contains("seen by polling\n") }, "\(watch.log)")
        #expect(watch.stop() == 0, "\(watch.log)")
    }

    @Test(.enabled(if: userNamespaceLimits, "needs `unshare -Ur` (user namespaces) to lower the inotify watch limit without changing the system's; not available here"))
    func aFolderInotifyCannotWatchSwitchesToPollingAndItsFilesAreSynced() throws {
        let devices = try TwoDevices()
        // Exactly enough watches for the folders there now: the next folder is refused.
        let limit = Self.folderCount(devices.notebook.root)
        let watch = try WatchProcess(devices.notebook, ["watch", "--interval", "300", "--quiet", "0.5"], wrapper: Self.limited(to: limit))
        try #require(watch.waitForLine(containing: "sync (start)"), "\(watch.log)")
        try #require(watch.log.contains("(inotify;"), "\(limit) watches: \(watch.log)")

        try devices.notebook.write("notes/new/idea.md", "---\nkind: note\n---\nin a folder made while watching\n")
        #expect(watch.waitForLine(containing: "; polling every 1 s instead"), "\(watch.log)")
        #expect(watch.lines.contains {
            $0.contains("/nb/notes: cannot watch with inotify: the inotify watch limit is reached (/proc/sys/fs/inotify/max_user_watches is ")
                && $0.contains(", and /proc/sys/user/max_inotify_watches \(limit) in this user namespace; raise it with sysctl")
        }, "\(watch.log)")
        #expect(try watch.waitUntil {
            try devices.notebook.git(in: devices.remote, "show", "main:notes/new/idea.md").stdout.contains("in a folder made while watching")
        }, "\(watch.log)")
        // Polling from now on: a later save anywhere still goes out.
        try devices.notebook.write("notes/new/idea.md", "---\nkind: note\n---\nin a folder made while watching\nand edited\n")
        #expect(try watch.waitUntil {
            try devices.notebook.git(in: devices.remote, "show", "main:notes/new/idea.md").stdout.contains("and edited")
        }, "\(watch.log)")
        #expect(watch.lines.filter { $0.contains("instead") }.count == 1, "\(watch.log)")
        #expect(watch.stop() == 0, "\(watch.log)")
    }

    // MARK: - A second stop signal

    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func aSecondStopSignalEndsASyncStuckOnTheNetworkAtOnceAndTheNextSyncFinishesIt(signal: Int32, code: Int32) throws {
        let devices = try TwoDevices()
        let server = try SilentServer(.neverAnswer)
        defer { server.stop() }
        try devices.notebook.git("remote", "set-url", "origin", "git://127.0.0.1:\(server.port)/remote.git").requireSuccess()
        try helpers.append("saved before the network hung", to: devices.notebook.root)
        // A network timeout far longer than any wait here: only the second signal can end it.
        let watch = try WatchProcess(devices.notebook, ["watch", "--quiet", "0.2", "--interval", "300", "--timeout", "600"],
                                     environment: ["HEARTH_SYNC_TRACE": "1"])
        try #require(watch.waitUntil { watch.log.contains("ms after-snapshot") && server.accepted >= 1 }, "\(watch.log)")
        kill(watch.pid, signal)
        try #require(watch.waitForLine(containing: "stopping after the sync under way"), "\(watch.log)")
        #expect(watch.isRunning, "the first signal waits for the sync: \(watch.log)")
        #expect(watch.stop(with: signal, seconds: 20) == code, "\(watch.log)")
        #expect(watch.lines.last?.hasSuffix("stopping now; the next sync finishes the interrupted one") == true, "\(watch.log)")

        try devices.notebook.git("remote", "set-url", "origin", devices.remote.path).requireSuccess()
        let sync = try devices.notebook.hearth("sync", "--wait", "0")
        #expect(sync.status == 0, "\(sync)")
        #expect(try helpers.remoteEntry(devices).contains("saved before the network hung\n"))
        #expect(try devices.notebook.git("status", "--porcelain").stdout.isEmpty)
        try helpers.expectNothingHeld(devices)
    }

    // MARK: - Output and signals

    @Test func aClosedStdoutStopsItCleanlyWithExit141() throws {
        let devices = try TwoDevices()
        // bash passes on hearth's own exit code; hearth's stderr goes to the log, its stdout to head.
        let watch = try WatchProcess(devices.notebook, ["watch", "--quiet", "0.2", "--interval", "0.3", "-v"],
                                     wrapper: ["/bin/bash", "-c", "\"$0\" \"$@\" | head -n 1; exit ${PIPESTATUS[0]}"])
        #expect(watch.waitForExit() == 141, "\(watch.log)")
        #expect(watch.lines.filter { $0.contains("sync (") }.count == 1, "head printed one line: \(watch.log)")
        #expect(watch.log.contains("standard output was closed; stopping"), "\(watch.log)")
        #expect(watch.lines.last?.hasSuffix(" stopped") == true, "\(watch.log)")
        try helpers.expectNothingHeld(devices)
    }

    @Test func whenCtrlCIsIgnoredTheStartLineSaysHowToStopInstead() throws {
        let devices = try TwoDevices()
        // A shell's background job: SIGINT ignored, and an ignored signal stays so across exec.
        let watch = try WatchProcess(devices.notebook, ["watch", "--quiet", "0.2", "--interval", "300"],
                                     wrapper: ["/bin/sh", "-c", "trap '' INT; exec \"$0\" \"$@\""])
        try #require(watch.waitForLine(containing: "sync (start)"), "\(watch.log)")
        let started = try #require(watch.lines.first { $0.contains("watching ") }, "\(watch.log)")
        #expect(!started.contains("Ctrl-C"), "\(started)")
        #expect(started.hasSuffix("; kill \(watch.pid) stops"), "\(started)")
        kill(watch.pid, SIGINT)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(watch.isRunning, "\(watch.log)")
        #expect(watch.stop() == 0, "\(watch.log)")

        let plain = try WatchProcess(devices.notebook, ["watch", "--quiet", "0.2", "--interval", "300"])
        #expect(plain.waitForLine(containing: "; Ctrl-C stops"), "\(plain.log)")
        #expect(plain.stop() == 0, "\(plain.log)")
    }

    @Test func verboseSaysTheLastSyncWroteTheFilesOnlyWhenItDid() throws {
        let devices = try TwoDevices()
        let watch = try WatchProcess(devices.notebook, ["watch", "--quiet", "0.3", "--interval", "300", "-v"])
        try #require(watch.waitForLine(containing: "sync (start)"), "\(watch.log)")
        // Obsidian's trash is in the .gitignore hearth init writes (an editor artefact such as
        // .DS_Store would not even wake the watcher, see EditorArtefactWatchTests).
        try devices.notebook.write(".trash/old idea.md", "thrown away\n")
        #expect(watch.waitForLine(containing: "files changed, nothing left to commit"), "\(watch.log)")
        let line = try #require(watch.lines.first { $0.contains("nothing left to commit") })
        #expect(!line.contains("the last sync wrote them"), "\(watch.log)")
        #expect(!watch.log.contains("sync (change)"), "\(watch.log)")
        #expect(watch.stop() == 0, "\(watch.log)")
    }

    // MARK: - A held lock

    @Test func aHeldLockIsReportedOnceThenOnceMoreWhenSyncingResumes() throws {
        let devices = try TwoDevices()
        let lock = devices.notebook.url(".git/hearth-sync.lock").path
        let holder = try ChildProcess("/bin/sh", ["-c", "exec 9>>\"$0\" && flock 9 && exec sleep 60", lock],
                                      environment: devices.notebook.environment())
        defer { holder.stop() }
        let probe = { try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/flock"), ["-n", lock, "true"],
                                            in: devices.notebook.root, environment: devices.notebook.environment()).status }
        let watch = try WatchProcess(devices.notebook, ["watch", "--quiet", "0.2", "--interval", "2"])
        try #require(try watch.waitUntil { try probe() != 0 }, "flock(1) never took the lock")
        try helpers.append("waiting for the lock", to: devices.notebook.root)
        try #require(watch.waitForLine(containing: "skipped: another sync is running in this notebook"), "\(watch.log)")
        // Several rounds' worth of time with the lock held (retries every 1, 2, 2 ... s).
        Thread.sleep(forTimeInterval: 6)
        #expect(watch.lines.filter { $0.contains("skipped:") }.count == 1, "\(watch.log)")
        #expect(!watch.log.contains("resum") && !watch.log.contains("sent"), "\(watch.log)")

        holder.stop()
        #expect(try watch.waitUntil { try helpers.remoteEntry(devices).contains("waiting for the lock\n") }, "\(watch.log)")
        // The push lands before the watcher reports the resumed round: wait for its line too.
        #expect(watch.waitForLine(containing: "the other sync has ended; syncing again"), "\(watch.log)")
        #expect(watch.lines.filter { $0.contains("the other sync has ended; syncing again") }.count == 1, "\(watch.log)")
        #expect(watch.lines.filter { $0.contains("skipped:") }.count == 1, "\(watch.log)")
        #expect(watch.stop() == 0, "\(watch.log)")
    }

    // MARK: - Restarts

    /// The open descriptors of process `pid` (from /proc).
    func descriptors(_ pid: pid_t) -> [String] {
        let folder = "/proc/\(pid)/fd"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).map { name in
            "\(name) -> " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + name)) ?? "?")
        }
    }

    @Test func afterRestartsItKeepsItsArgumentsAndNoDescriptorPilesUp() throws {
        let devices = try TwoDevices()
        let arguments = ["watch", "origin", "--quiet", "0.2", "--interval", "0.2", "--restart-after", "1", "--poll", "-v", "--timeout", "45"]
        let watch = try WatchProcess(devices.notebook, arguments)
        try #require(watch.waitForLine(containing: "sync (start)"), "\(watch.log)")
        // What it starts with: stdin, stdout, stderr and its own wake-up pipe (ChildProcess passes
        // on no other descriptor).
        let initial = descriptors(watch.pid)
        var samples: [[String]] = []
        for restarts in 1...4 {
            try #require(watch.waitUntil(seconds: 30) { watch.lines.filter { $0.contains("restarting to give back memory") }.count >= restarts },
                         "\(watch.log)")
            // Once the new image is watching again (its start line follows the restart line).
            try #require(watch.waitUntil { watch.lines.filter { $0.contains("watching ") }.count > restarts }, "\(watch.log)")
            samples.append(descriptors(watch.pid))
        }
        // The same few after every restart (a sync under way may hold a file or two more), never
        // one more per restart: nothing the old image opened survives the exec.
        for sample in samples {
            #expect(sample.count <= initial.count + 3, "started with \(initial)\nnow \(sample)")
            #expect(["0 -> ", "1 -> ", "2 -> "].allSatisfy { prefix in sample.contains { $0.hasPrefix(prefix) } }, "\(sample)")
        }
        let commandLine = try String(contentsOfFile: "/proc/\(watch.pid)/cmdline", encoding: .utf8).split(separator: "\0").map(String.init)
        #expect(commandLine.contains("origin") && commandLine.contains("--poll") && commandLine.contains("--verbose"), "\(commandLine)")
        for (option, value) in [("--quiet", "0.2"), ("--interval", "0.2"), ("--timeout", "45.0"), ("-C", devices.notebook.root.path)] {
            let index = try #require(commandLine.firstIndex(of: option), "\(option) missing: \(commandLine)")
            #expect(commandLine.indices.contains(index + 1) && commandLine[index + 1] == value, "\(commandLine)")
        }
        #expect(watch.lines.filter { $0.contains("watching ") }.allSatisfy { $0.contains("(polling every 1 s;") }, "\(watch.log)")
        #expect(watch.stop() == 0, "\(watch.log)")
    }
}
