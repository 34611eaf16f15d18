import Foundation
import TestSupport
import Testing

/// Maintenance that runs by itself, end to end: `hearth sync` maintaining the notebook and its
/// folder remote within the sync when small, starting a detached `hearth maintenance` when not,
/// and `hearth watch` running it when idle. A low `hearth.maintenance.packLimit` makes it due
/// after a few syncs; git counts the packs and checks the repositories.
@Suite struct AutoMaintenanceTests {
    typealias TwoDevices = SyncCommandTests.TwoDevices

    /// Packs in `repository` (a `.git` folder or a bare repository) as git counts them.
    static func packs(_ notebook: TemporaryNotebook, _ repository: URL) throws -> Int {
        let counts = try notebook.git(in: repository, "count-objects", "-v").requireSuccess().stdout
        let line = try #require(counts.split(separator: "\n").first { $0.hasPrefix("packs: ") })
        return try #require(Int(line.dropFirst("packs: ".count)))
    }

    /// `git fsck --strict` finds nothing in `repository`.
    static func expectClean(_ notebook: TemporaryNotebook, _ repository: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fsck = try notebook.git(in: repository, "fsck", "--strict")
        #expect(fsck.status == 0 && fsck.stderr.isEmpty, "\(fsck)", sourceLocation: sourceLocation)
    }

    /// One round: the desk (plain git) pushes a commit, the laptop saves one and syncs with
    /// `arguments`, so that the laptop receives a pack and the remote receives one.
    static func round(_ devices: TwoDevices, _ round: Int, _ arguments: [String] = ["sync", "--json"],
                      environment: [String: String] = [:]) throws -> ProcessResult {
        try devices.notebook.git(in: devices.desk, "pull", "-q", "--no-rebase", "origin", "main").requireSuccess()
        let note = devices.desk.appendingPathComponent("notes/desk-\(round).md")
        try FileManager.default.createDirectory(at: note.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("desk note \(round)\n".utf8).write(to: note)
        try devices.notebook.git(in: devices.desk, "add", "-A").requireSuccess()
        try devices.notebook.git(in: devices.desk, "commit", "-q", "-m", "desk \(round)").requireSuccess()
        try devices.notebook.git(in: devices.desk, "push", "-q", "origin", "main").requireSuccess()
        try devices.notebook.write("notes/laptop-\(round).md", "laptop note \(round)\n")
        return try devices.notebook.hearth(arguments, environment: environment)
    }

    /// The `maintenance` object of a `sync --json`: the notebook's action, the folder remote's.
    static func actions(_ sync: ProcessResult) throws -> (notebook: String?, remote: String?) {
        let report = try #require(try JSONSerialization.jsonObject(with: sync.stdoutData) as? [String: Any], "\(sync)")
        let maintenance = try #require(report["maintenance"] as? [String: Any], "\(sync)")
        let notebook = (maintenance["notebook"] as? [String: Any])?["action"] as? String
        let remote = (maintenance["folder_remote"] as? [String: Any])?["action"] as? String
        return (notebook, remote)
    }

    static func log(_ devices: TwoDevices) -> String {
        (try? String(contentsOf: devices.notebook.url(".git/hearth/maintenance.log"), encoding: .utf8)) ?? ""
    }

    /// Waits up to 30 s for `condition`, polling.
    static func waitUntil(_ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try condition()
    }

    /// Waits for the background run a sync started to write its result (a line that is not
    /// "holding") and end.
    static func waitForBackgroundRun(_ devices: TwoDevices, linesBefore: Int) -> Bool {
        waitUntil {
            let lines = log(devices).split(separator: "\n")
            guard lines.count > linesBefore, let last = lines.last, !last.contains("holding the lock") else { return false }
            let probe = try? ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/flock"),
                                               ["-n", devices.notebook.url(".git/hearth-sync.lock").path, "true"],
                                               in: devices.notebook.root, environment: devices.notebook.environment())
            return probe?.status == 0
        }
    }

    /// How a folder remote is given to `hearth remote add`: a plain path or a `file://` URL.
    /// Both are maintained alike, under the remote's own lock.
    enum FolderRemoteForm: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case path, fileURL

        /// What `hearth remote add` and `git clone` are given for the folder `remote`.
        func address(of remote: URL) -> String {
            switch self {
            case .path: remote.path
            case .fileURL: URL(fileURLWithPath: remote.path).absoluteString
            }
        }

        var testDescription: String { rawValue }
    }

    /// A notebook and its folder remote after four syncs that only sent: the remote holds a
    /// pack a sync, the notebook none (its own objects stay loose). `form` is how the remote
    /// was added; given as a URL, its folder's name has a space (`remote%20folder.git`).
    static func sendingNotebook(_ form: FolderRemoteForm = .path) throws -> (TemporaryNotebook, URL) {
        let notebook = try TemporaryNotebook(initialized: true)
        let remote = notebook.base.appendingPathComponent(form == .fileURL ? "remote folder.git" : "remote.git")
        try notebook.git("init", "-q", "--bare", "--initial-branch=main", remote.path).requireSuccess()
        try notebook.hearth("remote", "add", "origin", form.address(of: remote)).requireSuccess()
        for number in 1...4 {
            try notebook.write("notes/n\(number).md", "note \(number)\n")
            try notebook.hearth("sync", "--quiet").requireSuccess()
        }
        return (notebook, remote)
    }

    @Test func aSeriesOfSyncsKeepsTheNotebookAndItsFolderRemoteAtThePackLimit() throws {
        let devices = try TwoDevices()
        let limit = 3
        try devices.notebook.git("config", "hearth.maintenance.packLimit", String(limit)).requireSuccess()
        var maintained = (notebook: 0, remote: 0)
        for number in 1...(2 * limit + 2) {
            let linesBefore = Self.log(devices).split(separator: "\n").count
            let sync = try Self.round(devices, number)
            try #require(sync.status == 0, "\(sync)")
            let actions = try Self.actions(sync)
            // Small work is done within the sync; a bigger one by the run it started.
            if actions.notebook == "started" || actions.remote == "started" {
                #expect(Self.waitForBackgroundRun(devices, linesBefore: linesBefore), "\(Self.log(devices))")
            }
            if actions.notebook == "done" || actions.notebook == "started" { maintained.notebook += 1 }
            if actions.remote == "done" || actions.remote == "started" { maintained.remote += 1 }
            #expect(try Self.packs(devices.notebook, devices.notebook.url(".git")) <= limit, "round \(number): \(sync.stdout)")
            #expect(try Self.packs(devices.notebook, devices.remote) <= limit, "round \(number): \(sync.stdout)")
        }
        // Without maintenance each round adds a pack to both: it ran for each, more than once.
        #expect(maintained.notebook >= 2 && maintained.remote >= 2, "\(maintained)")
        try Self.expectClean(devices.notebook, devices.notebook.url(".git"))
        try Self.expectClean(devices.notebook, devices.remote)
        // The desk still clones and reads everything.
        try devices.notebook.git(in: devices.desk, "pull", "-q", "--no-rebase", "origin", "main").requireSuccess()
        #expect(try devices.deskText("notes/laptop-\(2 * limit + 2).md") == "laptop note \(2 * limit + 2)\n")
    }

    @Test func aCostlyMaintenanceRunsDetachedAfterTheSyncAndTheSyncDoesNotWaitForIt() throws {
        let devices = try TwoDevices()
        for number in 1...4 { try Self.round(devices, number, ["sync", "--quiet"]).requireSuccess() }
        let packsBefore = try Self.packs(devices.notebook, devices.notebook.url(".git"))
        let remotePacksBefore = try Self.packs(devices.notebook, devices.remote)
        try #require(packsBefore > 2 && remotePacksBefore > 2, "\(packsBefore) \(remotePacksBefore)")
        try devices.notebook.git("config", "hearth.maintenance.packLimit", "2").requireSuccess()
        try devices.notebook.git("config", "hearth.maintenance.auto", "background").requireSuccess()
        let go = devices.notebook.base.appendingPathComponent("go")
        let sync = try Self.round(devices, 5, ["sync", "--json"], environment: ["HEARTH_MAINTENANCE_WAIT_FOR": go.path])
        // The sync has exited, pushed, and said it started the maintenance in the background.
        #expect(sync.status == 0, "\(sync)")
        #expect(try Self.actions(sync) == ("started", "started"), "\(sync)")
        #expect(try devices.notebook.git(in: devices.remote, "log", "-1", "--format=%s", "main").stdout.contains("laptop"))
        // The background run holds the notebook now, waiting for the test: it outlived the sync.
        #expect(Self.waitUntil { Self.log(devices).contains("holding the lock (pid ") }, "\(Self.log(devices))")
        let holding = try #require(Self.log(devices).split(separator: "\n").first { $0.contains("holding the lock (pid ") })
        let pid = try #require(Int32(holding.split(separator: "(pid ")[1].prefix { $0.isNumber }))
        // In a session of its own, away from the terminal and the sync's process group.
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        let fields = stat[stat.range(of: ") ")!.upperBound...].split(separator: " ")
        #expect(fields[3] == "\(pid)", "session of \(pid): \(stat)")
        let blocked = try devices.notebook.hearth("sync", "--wait", "0")
        // Told that it is a maintenance, and that it ends by itself: nothing to remove or stop.
        #expect(blocked.status == 1 && blocked.stderr.contains("a maintenance is running in the background in this notebook "
            + "(hearth maintenance (pid \(pid) since "), "\(blocked)")
        #expect(blocked.stderr.contains("it finishes by itself"), "\(blocked)")
        #expect(try Self.packs(devices.notebook, devices.notebook.url(".git")) > 2)

        try Data().write(to: go)
        #expect(Self.waitUntil { !FileManager.default.fileExists(atPath: "/proc/\(pid)") }, "\(Self.log(devices))")
        let log = Self.log(devices)
        #expect(log.contains("maintenance after sync: the notebook: "), "\(log)")
        #expect(log.contains("maintenance after sync: folder remote origin: "), "\(log)")
        #expect(try Self.packs(devices.notebook, devices.notebook.url(".git")) <= 2, "\(log)")
        #expect(try Self.packs(devices.notebook, devices.remote) <= 2, "\(log)")
        try Self.expectClean(devices.notebook, devices.notebook.url(".git"))
        try Self.expectClean(devices.notebook, devices.remote)
        #expect(!FileManager.default.fileExists(atPath: devices.remote.appendingPathComponent("refs/heads/main.lock").path))
        // The next sync works and has nothing left to maintain.
        let next = try Self.round(devices, 6)
        #expect(next.status == 0, "\(next)")
        #expect(try Self.actions(next).notebook != "failed", "\(next)")
    }

    @Test(.enabled(if: ImmutableFolder.available))
    func aFailingMaintenanceWarnsAndTheSyncStillSucceeds() throws {
        let devices = try TwoDevices()
        for number in 1...3 { try Self.round(devices, number, ["sync", "--quiet"]).requireSuccess() }
        try devices.notebook.git("config", "hearth.maintenance.packLimit", "1").requireSuccess()
        try devices.notebook.git("config", "hearth.maintenance.auto", "foreground").requireSuccess()
        // No new pack can go into the pack folder, so maintenance fails; a sync that receives
        // nothing (the desk is quiet) writes only loose objects, and reads the packs as before.
        let packFolder = devices.notebook.url(".git/objects/pack").path
        let listing = try FileManager.default.contentsOfDirectory(atPath: packFolder).sorted()
        try #require(ImmutableFolder.set(packFolder, true))
        defer { ImmutableFolder.set(packFolder, false) }
        try devices.notebook.write("notes/laptop-4.md", "laptop note 4\n")
        let sync = try devices.notebook.hearth("sync", "--json")
        #expect(sync.status == 0, "\(sync)")
        #expect(try Self.actions(sync).notebook == "failed", "\(sync)")
        #expect(sync.stderr.contains("hearth: warning: the sync succeeded, but maintaining the notebook failed: "), "\(sync)")
        #expect(sync.stderr.contains("Operation not permitted"), "\(sync)")
        // Pushed all the same, and nothing of the notebook's was lost.
        #expect(try devices.notebook.git(in: devices.remote, "show", "main:notes/laptop-4.md").stdout == "laptop note 4\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: packFolder).sorted() == listing)
        ImmutableFolder.set(packFolder, false)
        try Self.expectClean(devices.notebook, devices.notebook.url(".git"))
    }

    /// A setting it cannot read fails the maintenance as above, named, on any machine (the test
    /// above needs chattr and root).
    @Test func anUnreadableMaintenanceSettingWarnsAndTheSyncStillSucceeds() throws {
        let devices = try TwoDevices()
        try Self.round(devices, 1, ["sync", "--quiet"]).requireSuccess()
        try devices.notebook.git("config", "hearth.maintenance.packLimit", "lots").requireSuccess()
        let badSetting = try Self.round(devices, 2, ["sync", "--json"])
        #expect(badSetting.status == 0, "\(badSetting)")
        #expect(try Self.actions(badSetting).notebook == "failed", "\(badSetting)")
        #expect(badSetting.stderr.contains("hearth.maintenance.packLimit: 'lots' is not a whole number above 0"), "\(badSetting)")
        #expect(try devices.notebook.git(in: devices.remote, "log", "-1", "--format=%s", "main").stdout.contains("laptop"), "\(badSetting)")
    }

    /// `ssh host hearth sync` or a CI step waits for every holder of its pipe: a descriptor the
    /// sync inherited without close-on-exec must not reach the background run, which outlives it.
    @Test func theBackgroundRunKeepsNoDescriptorTheSyncInherited() throws {
        let (notebook, _) = try Self.sendingNotebook()
        try notebook.git("config", "hearth.maintenance.packLimit", "2").requireSuccess()
        try notebook.git("config", "hearth.maintenance.auto", "background").requireSuccess()
        try notebook.write("notes/n5.md", "note 5\n")
        let go = notebook.base.appendingPathComponent("go")
        let inherited = notebook.base.appendingPathComponent("inherited").resolvingSymlinksInPath().path
        let binary = try #require(HearthBinary.url)
        // The shell opens descriptor 9 without close-on-exec, as a caller's pipe would be.
        let sync = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"),
                                         ["-c", #"exec "$0" -C "$1" sync --quiet 9>>"$2""#, binary.path, notebook.root.path, inherited],
                                         in: notebook.root, environment: notebook.environment(["HEARTH_MAINTENANCE_WAIT_FOR": go.path]))
        #expect(sync.status == 0, "\(sync)")
        defer { try? Data().write(to: go) }
        let log = notebook.url(".git/hearth/maintenance.log")
        func logText() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        #expect(Self.waitUntil { logText().contains("holding the lock (pid ") }, "\(logText())")
        let holding = try #require(logText().split(separator: "\n").first { $0.contains("holding the lock (pid ") })
        let pid = try #require(Int32(holding.split(separator: "(pid ")[1].prefix { $0.isNumber }))
        // Still paused, holding its own descriptors (the log among them): none is the sync's file.
        let folder = "/proc/\(pid)/fd"
        let targets = try FileManager.default.contentsOfDirectory(atPath: folder)
            .compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + $0) }
        #expect(targets.contains(log.resolvingSymlinksInPath().path), "\(targets)")
        #expect(!targets.contains(inherited), "the background run kept the sync's descriptor: \(targets)")
        try Data().write(to: go)
        #expect(Self.waitUntil { !FileManager.default.fileExists(atPath: folder) }, "\(logText())")
    }

    /// A plain `git clone` of the folder remote, given as `form` says, checks out the notebook
    /// with `path` holding `text`: what maintenance left there is a repository git reads whole.
    static func expectClones(_ notebook: TemporaryNotebook, _ remote: URL, _ form: FolderRemoteForm, showing path: String,
                             _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let clone = notebook.base.appendingPathComponent("git-clone-\(UUID().uuidString)")
        let cloned = try notebook.git("clone", "-q", form.address(of: remote), clone.path)
        #expect(cloned.status == 0, "\(cloned)", sourceLocation: sourceLocation)
        let checkedOut = try? String(contentsOf: clone.appendingPathComponent(path), encoding: .utf8)
        #expect(checkedOut == text, "\(cloned)", sourceLocation: sourceLocation)
    }

    @Test(arguments: FolderRemoteForm.allCases)
    func aMaintenanceKilledWhileHoldingTheFolderRemoteLeavesNothingTheNextSyncCannotClear(_ form: FolderRemoteForm) throws {
        let (notebook, remote) = try Self.sendingNotebook(form)
        try #require(try Self.packs(notebook, remote) == 4)
        try notebook.git("config", "hearth.maintenance.packLimit", "2").requireSuccess()
        try notebook.git("config", "hearth.maintenance.auto", "foreground").requireSuccess()
        try notebook.write("notes/n5.md", "note 5\n")
        let killed = try notebook.hearth(["sync", "--quiet"], environment: ["HEARTH_SYNC_ABORT_AT": "before-maintenance"])
        #expect(killed.wasKilled, "\(killed)")
        // Killed holding the remote's branch: its lock is there, as a push killed mid-way leaves it.
        let lock = remote.appendingPathComponent("refs/heads/main.lock")
        #expect(FileManager.default.fileExists(atPath: lock.path))
        try notebook.write("notes/n6.md", "note 6\n")
        let next = try notebook.hearth("sync", "--json")
        #expect(next.status == 0, "\(next)")
        #expect(!FileManager.default.fileExists(atPath: lock.path))
        #expect(try Self.actions(next).remote == "done", "\(next)")
        #expect(try Self.packs(notebook, remote) <= 2)
        try Self.expectClean(notebook, remote)
        #expect(try notebook.git(in: remote, "show", "main:notes/n6.md").stdout == "note 6\n")
        try Self.expectClones(notebook, remote, form, showing: "notes/n6.md", "note 6\n")
    }

    @Test func watchRunsWhatItsSyncDeferredWhenIdleInItsOwnProcessAndLogsIt() throws {
        let devices = try TwoDevices()
        for number in 1...3 { try Self.round(devices, number, ["sync", "--quiet"]).requireSuccess() }
        try #require(try Self.packs(devices.notebook, devices.notebook.url(".git")) > 2)
        try devices.notebook.git("config", "hearth.maintenance.packLimit", "2").requireSuccess()
        try devices.notebook.git("config", "hearth.maintenance.auto", "background").requireSuccess()
        let watch = try WatchProcess(devices.notebook, ["watch", "--quiet", "0.3", "--interval", "300"])
        #expect(watch.waitForLine(containing: "maintenance: the notebook: "), "\(watch.log)")
        let lines = watch.lines
        let synced = try #require(lines.firstIndex { $0.contains("sync (start)") }, "\(watch.log)")
        let maintained = try #require(lines.firstIndex { $0.contains("maintenance: the notebook: ") }, "\(watch.log)")
        #expect(synced < maintained, "\(watch.log)")
        // Both repositories in the one line, done in the watcher's process: no background run, no log of one.
        #expect(lines[maintained].contains("; folder remote origin: "), "\(watch.log)")
        #expect(!FileManager.default.fileExists(atPath: devices.notebook.url(".git/hearth/maintenance.log").path))
        #expect(try Self.packs(devices.notebook, devices.notebook.url(".git")) <= 2, "\(watch.log)")
        #expect(try Self.packs(devices.notebook, devices.remote) <= 2, "\(watch.log)")
        try Self.expectClean(devices.notebook, devices.notebook.url(".git"))
        try Self.expectClean(devices.notebook, devices.remote)
        // A save after it goes out as before.
        try devices.notebook.write("notes/while-watching.md", "saved while watching\n")
        #expect(watch.waitUntil {
            (try? devices.notebook.git(in: devices.remote, "show", "main:notes/while-watching.md").stdout) == "saved while watching\n"
        }, "\(watch.log)")
        #expect(watch.stop() == 0, "\(watch.log)")
    }

    @Test(arguments: FolderRemoteForm.allCases)
    func aFolderRemoteIsMaintainedUnderItsBranchLockAndAPushMeanwhileWaitsForIt(_ form: FolderRemoteForm) throws {
        let (notebook, remote) = try Self.sendingNotebook(form)
        let desk = notebook.base.appendingPathComponent("desk")
        try notebook.hearth("clone", form.address(of: remote), desk.path, "--device", "desk", in: notebook.base).requireSuccess()
        let gitDesk = notebook.base.appendingPathComponent("git-desk")
        try notebook.git("clone", "-q", form.address(of: remote), gitDesk.path).requireSuccess()
        try notebook.git("config", "hearth.maintenance.packLimit", "2").requireSuccess()
        try notebook.git("config", "hearth.maintenance.auto", "background").requireSuccess()
        let go = notebook.base.appendingPathComponent("go")
        try notebook.write("notes/n5.md", "note 5\n")
        let sync = try notebook.hearth(["sync", "--json"], environment: ["HEARTH_MAINTENANCE_WAIT_FOR": go.path])
        #expect(sync.status == 0, "\(sync)")
        #expect(try Self.actions(sync) == ("not-needed", "started"), "\(sync)")
        let log = notebook.url(".git/hearth/maintenance.log")
        func logText() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        #expect(Self.waitUntil { logText().contains("holding the lock (pid ") }, "\(logText())")
        // The remote's branch is locked as a push locks it: git's own push is refused ...
        #expect(FileManager.default.fileExists(atPath: remote.appendingPathComponent("refs/heads/main.lock").path))
        try notebook.git(in: gitDesk, "pull", "-q", "--no-rebase", "origin", "main").requireSuccess()
        try Data("from git\n".utf8).write(to: gitDesk.appendingPathComponent("git.md"))
        try notebook.git(in: gitDesk, "add", "-A").requireSuccess()
        try notebook.git(in: gitDesk, "commit", "-q", "-m", "git").requireSuccess()
        let refused = try notebook.git(in: gitDesk, "push", "-q", "origin", "main")
        #expect(refused.status != 0 && refused.stderr.contains("main.lock"), "\(refused)")
        // ... and another device's hearth sync waits for it (the lock is renewed, so it never
        // looks left behind), then pushes.
        try Data("from the desk\n".utf8).write(to: desk.appendingPathComponent("notes/desk.md"))
        let binary = try #require(HearthBinary.url)
        let deskLog = notebook.base.appendingPathComponent("desk-sync.log")
        func deskText() -> String { (try? String(contentsOf: deskLog, encoding: .utf8)) ?? "" }
        let deskSync = try ChildProcess(binary.path, ["-C", desk.path, "sync"], environment: notebook.environment(),
                                        stdout: .appendToFile(deskLog.path))
        // Started (it holds its own notebook), then given the time a folder fetch and merge take.
        let deskLock = desk.appendingPathComponent(".git/hearth-sync.lock")
        #expect(Self.waitUntil { ((try? String(contentsOf: deskLock, encoding: .utf8)) ?? "").contains("pid ") })
        Thread.sleep(forTimeInterval: 1.5)
        try Data().write(to: go)
        #expect(deskSync.wait() == .exited(0), "\(deskText())")
        // It met the maintenance's lock and waited for it: its summary says the remote was busy.
        #expect(deskText().contains("The remote was busy"), "\(deskText())")
        #expect(Self.waitUntil { logText().contains("maintenance after sync: folder remote origin: ") }, "\(logText())")
        #expect(try notebook.git(in: remote, "show", "main:notes/desk.md").stdout == "from the desk\n")
        #expect(try notebook.git(in: remote, "show", "main:notes/n5.md").stdout == "note 5\n")
        #expect(!FileManager.default.fileExists(atPath: remote.appendingPathComponent("refs/heads/main.lock").path))
        #expect(try Self.packs(notebook, remote) <= 3, "\(logText())")
        try Self.expectClean(notebook, remote)
        try Self.expectClones(notebook, remote, form, showing: "notes/desk.md", "from the desk\n")
    }

    /// A remote that fetches from one folder and pushes to another (`remote.origin.pushurl`):
    /// the folder the pushes fill is the one maintained, under its lock, and the lock is gone after.
    @Test func aFolderRemoteWithAPushURLIsMaintainedWherePushesGo() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let fetched = notebook.base.appendingPathComponent("fetched.git")
        let pushed = notebook.base.appendingPathComponent("pushed.git")
        for folder in [fetched, pushed] {
            try notebook.git("init", "-q", "--bare", "--initial-branch=main", folder.path).requireSuccess()
        }
        try notebook.hearth("remote", "add", "origin", fetched.path).requireSuccess()
        try notebook.git("config", "remote.origin.pushurl", FolderRemoteForm.fileURL.address(of: pushed)).requireSuccess()
        for number in 1...4 {
            try notebook.write("notes/n\(number).md", "note \(number)\n")
            try notebook.hearth("sync", "--quiet").requireSuccess()
        }
        try #require(try Self.packs(notebook, pushed) == 4 && Self.packs(notebook, fetched) == 0)
        try notebook.git("config", "hearth.maintenance.packLimit", "2").requireSuccess()
        try notebook.git("config", "hearth.maintenance.auto", "foreground").requireSuccess()
        try notebook.write("notes/n5.md", "note 5\n")
        let sync = try notebook.hearth("sync", "--json")
        #expect(sync.status == 0, "\(sync)")
        #expect(try Self.actions(sync).remote == "done", "\(sync)")
        #expect(try Self.packs(notebook, pushed) <= 2, "\(sync)")
        try Self.expectClean(notebook, pushed)
        #expect(try notebook.git(in: pushed, "show", "main:notes/n5.md").stdout == "note 5\n")
        for lock in ["hearth-maintenance.lock", "refs/heads/main.lock"] {
            #expect(!FileManager.default.fileExists(atPath: pushed.appendingPathComponent(lock).path), "\(lock)")
        }
    }
}
