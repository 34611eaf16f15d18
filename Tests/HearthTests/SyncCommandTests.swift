import Foundation
import TestSupport
import Testing

/// `hearth remote`, `sync`, `status`, `conflicts`, `resolve` end to end: the built binary, a real
/// bare remote, a second device cloned with git.
@Suite struct SyncCommandTests {
    static let path = "days/2026/2026-11-22.md"

    /// A laptop notebook with today's entry pushed to a bare remote, and a desk clone of it.
    struct TwoDevices {
        let notebook: TemporaryNotebook
        var remote: URL { notebook.base.appendingPathComponent("remote.git") }
        var desk: URL { notebook.base.appendingPathComponent("desk") }

        /// `encrypted`: `origin` is an encrypted remote (its carrier at `remote`) and the desk a
        /// `hearth clone` of it (see ``EncryptedTwoDevices``).
        init(encrypted: Bool = false) throws {
            notebook = try TemporaryNotebook(initialized: true)
            try notebook.git("init", "-q", "--bare", "--initial-branch=main", notebook.base.appendingPathComponent("remote.git").path).requireSuccess()
            try notebook.hearth("today", "--no-edit").requireSuccess()
            try notebook.hearth("set", "today", "energy=3", "mood=3").requireSuccess()
            if encrypted {
                try EncryptedTwoDevices.connect(self)
                return
            }
            try notebook.hearth("remote", "add", "origin", remote.path).requireSuccess()
            try notebook.hearth("sync").requireSuccess()
            try notebook.git("clone", "-q", remote.path, desk.path).requireSuccess()
            try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/git"), ["-C", desk.path, "config", "hearth.device", "desk"],
                                  in: desk, environment: notebook.environment()).requireSuccess()
        }

        @discardableResult
        func desk(_ arguments: String...) throws -> ProcessResult {
            try notebook.hearth(arguments, in: desk)
        }

        func deskText(_ path: String) throws -> String {
            String(decoding: try Data(contentsOf: desk.appendingPathComponent(path)), as: UTF8.self)
        }
    }

    /// Decodes a JSON document from a command's stdout.
    func json(_ result: ProcessResult) throws -> Any {
        try JSONSerialization.jsonObject(with: result.stdoutData)
    }

    @Test func firstSyncToAnEmptyRemotePushesAndSetsTheUpstream() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let remote = notebook.base.appendingPathComponent("remote.git")
        try notebook.git("init", "-q", "--bare", remote.path).requireSuccess()
        try notebook.hearth("remote", "add", "origin", remote.path).requireSuccess()
        let result = try notebook.hearth("sync")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Sent 1 commit to origin/main."), "\(result)")
        #expect(try notebook.git("config", "branch.main.remote").stdout == "origin\n")
        let remoteHead = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/git"), ["-C", remote.path, "rev-parse", "main"],
                                               in: notebook.base, environment: notebook.environment())
        #expect(remoteHead.stdout == (try notebook.git("rev-parse", "HEAD").stdout))
        let listed = try notebook.hearth("remote", "-v")
        #expect(listed.stdout == "origin\t\(remote.path)\n", "\(listed)")
    }

    /// The join itself (Syncer in such a clone) is SyncKit's EmptyCloneTests; hearth's CLI does not
    /// take an empty checkout, which holds no hearth.yaml, for a notebook.
    @Test func aPlainGitCloneOfARemoteWhoseHEADSaysMasterIsNotTakenForANotebookAndSplitsNothing() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let remote = notebook.base.appendingPathComponent("remote.git")
        // git init --bare points HEAD at master; the notebook's branch is main.
        try notebook.git("init", "-q", "--bare", "--initial-branch=master", remote.path).requireSuccess()
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("remote", "add", "origin", remote.path).requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        // As a remote another tool made, or an older hearth pushed to, leaves it.
        try notebook.git(in: remote, "symbolic-ref", "HEAD", "refs/heads/master").requireSuccess()
        let desk = notebook.base.appendingPathComponent("desk")
        try notebook.git("clone", "-q", remote.path, desk.path)
        let result = try notebook.hearth(["sync"], in: desk)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr == "hearth: error: not in a notebook (no hearth.yaml in \(desk.path) or above); run hearth init, or use -C DIR\n", "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: desk.path) == [".git"])
        let branches = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/git"), ["-C", remote.path, "branch", "--format=%(refname:short)"],
                                             in: notebook.base, environment: notebook.environment())
        #expect(branches.stdout == "main\n", "\(branches)")
    }

    @Test func relativeRemotePathsMeanWhatTheySayFromAnyFolder() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.git("init", "-q", "--bare", "--initial-branch=main", notebook.base.appendingPathComponent("remote.git").path).requireSuccess()
        try notebook.hearth("today", "--no-edit").requireSuccess()
        // Typed relative to where the user stands: stored absolute.
        try notebook.hearth("remote", "add", "origin", "../remote.git").requireSuccess()
        #expect(try notebook.git("config", "remote.origin.url").stdout == notebook.base.appendingPathComponent("remote.git").standardizedFileURL.path + "\n")
        // Added with git, relative: git reads it from the top of the work tree, and so does hearth,
        // even when started in a subfolder.
        try notebook.git("remote", "add", "backup", "../remote.git").requireSuccess()
        let result = try notebook.hearth(["sync", "backup"], in: notebook.url("days/2026"))
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Sent"), "\(result)")
        // Other forms are stored exactly as written.
        for (name, url) in [("scp", "ana@example.com:journal.git"), ("ssh", "ssh://ana@example.com/srv/journal.git"),
                            ("web", "https://example.com/ana/journal.git")] {
            try notebook.hearth("remote", "add", name, url).requireSuccess()
            #expect(try notebook.git("config", "remote.\(name).url").stdout == url + "\n")
        }
    }

    @Test func syncWithoutARemoteCommitsLocallyAndSaysSo() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        let result = try notebook.hearth("sync")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("No remote configured"), "\(result)")
        #expect(try notebook.git("status", "--porcelain").stdout.isEmpty)
        let subject = try notebook.git("log", "-1", "--format=%s").stdout
        #expect(subject == "laptop: add \(Self.path)\n", "\(subject)")
    }

    @Test func syncJSONReportsTheMergeAndConflictsCarryTheirPath() throws {
        let devices = try TwoDevices()
        try devices.notebook.hearth("set", "today", "energy=1").requireSuccess()
        try devices.desk("set", "today", "energy=5", "mood=4").requireSuccess()
        try devices.notebook.hearth("sync").requireSuccess()
        let result = try devices.desk("sync", "--json")
        #expect(result.status == 0, "\(result)")
        let report = try #require(try json(result) as? [String: Any])
        #expect(report["outcome"] as? String == "merged")
        #expect(report["merged_paths"] as? [String] == [Self.path])
        #expect(report["open_conflicts"] as? Int == 1)
        let conflicts = try #require(try json(try devices.desk("conflicts", "--json")) as? [[String: Any]])
        #expect(conflicts.count == 1)
        #expect(conflicts.first?["path"] as? String == Self.path)
        #expect(conflicts.first?["field"] as? String == "energy")
        let status = try #require(try json(try devices.desk("status", "--json")) as? [String: Any])
        #expect((status["conflicts"] as? [[String: Any]])?.first?["path"] as? String == Self.path)
        #expect(status["ahead"] as? Int == 0 && status["behind"] as? Int == 0)

        // Human listing names both devices' values.
        let listing = try devices.desk("conflicts")
        #expect(listing.stdout.contains("field energy") && listing.stdout.contains("laptop") && listing.stdout.contains("desk"), "\(listing)")

        let id = try #require(conflicts.first?["id"] as? String)
        let wrong = try devices.desk("resolve", id, "--keep", "phone")
        #expect(wrong.status == 1 && wrong.stderr.contains("'phone' is not a side"), "\(wrong)")
        let resolved = try devices.desk("resolve", id, "--keep", "laptop")
        #expect(resolved.status == 0, "\(resolved)")
        #expect(try devices.deskText(Self.path).contains("energy: 1\n"))
        #expect(try json(try devices.desk("conflicts", "--json")) as? [Any] == nil || (try json(try devices.desk("conflicts", "--json")) as? [Any])?.isEmpty == true)
        try devices.desk("sync").requireSuccess()
        try devices.notebook.hearth("sync").requireSuccess()
        #expect(try devices.notebook.hearth("conflicts").stdout == "No open conflicts.\n")
    }

    @Test func statusListsUnsyncedChangesAndAheadCounts() throws {
        let devices = try TwoDevices()
        try devices.notebook.hearth("set", "today", "energy=2").requireSuccess()
        try devices.notebook.hearth("jot", "a thought").requireSuccess()
        let status = try #require(try json(try devices.notebook.hearth("status", "--json")) as? [String: Any])
        let changes = try #require(status["changes"] as? [[String: Any]])
        #expect(changes.map { $0["path"] as? String } == [Self.path])
        #expect(changes.first?["committed"] as? Bool == false)
        let text = try devices.notebook.hearth("status")
        #expect(text.stdout.contains("syncing with origin: 0 ahead, 0 behind") && text.stdout.contains(Self.path), "\(text)")
    }

    @Test func resolveNeedsExactlyOneChoice() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let none = try notebook.hearth("resolve", "abcd")
        #expect(none.status == 2, "\(none)")
        let two = try notebook.hearth("resolve", "abcd", "--both", "--edit")
        #expect(two.status == 2, "\(two)")
        let unknown = try notebook.hearth("resolve", "abcd", "--both")
        #expect(unknown.status == 1 && unknown.stderr.contains("no open conflicts"), "\(unknown)")
    }

    @Test func aMissingRemoteOrAnUnknownNameFailsWithExitOneAndChangesNothingRemote() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("remote", "add", "origin", notebook.base.appendingPathComponent("nowhere.git").path).requireSuccess()
        try notebook.hearth("today", "--no-edit").requireSuccess()
        let result = try notebook.hearth("sync")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("cannot fetch from 'origin'"), "\(result)")
        // The snapshot is kept: the edit is committed locally and goes out next time.
        #expect(try notebook.git("status", "--porcelain").stdout.isEmpty)
        let unknown = try notebook.hearth("sync", "backup")
        #expect(unknown.status == 1 && unknown.stderr.contains("no remote named 'backup'"), "\(unknown)")
        let duplicate = try notebook.hearth("remote", "add", "origin", "/elsewhere")
        #expect(duplicate.status == 1 && duplicate.stderr.contains("already exists"), "\(duplicate)")
    }

    @Test func aSyncWaitsForTheLockThenSaysWhoHoldsIt() throws {
        let devices = try TwoDevices()
        let lock = devices.notebook.url(".git/hearth-sync.lock").path
        // flock(1) holds the same kind of lock hearth takes, as another sync would.
        let holder = try ChildProcess("/usr/bin/flock", [lock, "sleep", "5"], environment: devices.notebook.environment())
        defer { holder.stop() }
        // Wait until flock(1) really holds it (a slow machine may take a while to start it).
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let probe = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/flock"), ["-n", lock, "true"],
                                              in: devices.notebook.root, environment: devices.notebook.environment())
            if probe.status != 0 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let result = try devices.notebook.hearth("sync", "--wait", "0.5")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("another sync is running in this notebook"), "\(result)")
        holder.stop()
        // The holder is gone (killed): the lock is free again without anyone cleaning up.
        #expect(try devices.notebook.hearth("sync").status == 0)
    }
}

extension ProcessResult {
    /// Throws with the output when the process failed: for set-up steps.
    @discardableResult
    func requireSuccess(sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessResult {
        guard status == 0 else { throw SetupFailure(message: "command failed: \(self)") }
        return self
    }
}
