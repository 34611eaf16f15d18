import Foundation
import TestSupport
import Testing

/// `hearth sync` and `hearth clone` against remotes that never answer, hang up or are gone: exit 1
/// with a message naming the remote, in bounded time, and the local snapshot commit kept.
// The limit guards against a hang, it does not time the tests: the test process runs two tests
// at a time on two cores, and a test waiting for its turn behind minutes-long ones (kill stress,
// disk full) has its clock running; 1 and 2 minutes were exceeded that way under load.
@Suite(.timeLimit(.minutes(10)))
struct NetworkFailureTests {
    /// A notebook with one entry committed and synced nowhere yet, whose `origin` is `url`.
    private func notebook(remote url: String) throws -> TemporaryNotebook {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("remote", "add", "origin", url).requireSuccess()
        try notebook.hearth("today", "--no-edit").requireSuccess()
        return notebook
    }

    /// The commit count on the notebook's branch and whether the work tree is clean.
    private func committed(_ notebook: TemporaryNotebook) throws -> (commits: Int, clean: Bool) {
        let count = Int(try notebook.git("rev-list", "--count", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        return (count, try notebook.git("status", "--porcelain").stdout.isEmpty)
    }

    @Test(arguments: ["git", "http", "ssh"])
    func syncWithASilentRemoteTimesOut(scheme: String) throws {
        let server = try SilentServer(.neverAnswer)
        defer { server.stop() }
        let url = "\(scheme)://127.0.0.1:\(server.port)/remote.git"
        let notebook = try notebook(remote: url)
        let before = try committed(notebook).commits
        let result = try notebook.hearth("sync", "--timeout", "1")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr == "hearth: error: cannot fetch from 'origin': \(url) did not answer for 1 s; check the network, "
            + "or allow longer with --timeout or `git config hearth.timeout SECONDS`\n", "\(result)")
        // The snapshot was taken while the fetch waited, and stays.
        let after = try committed(notebook)
        #expect(after.commits == before + 1 && after.clean, "\(after)")
        #expect(server.accepted >= 1)
    }

    /// Cut mid-fetch, after the remote advertised its branch: still exit 1 with the message, not
    /// death by SIGPIPE when libgit2 says goodbye on the dead connection. The test runner ignores
    /// SIGPIPE and children inherit that, so hearth runs with the default action restored.
    @Test func syncCutMidFetchExitsWithTheMessage() throws {
        let server = try SilentServer(.advertiseThenHang)
        defer { server.stop() }
        let notebook = try notebook(remote: "git://127.0.0.1:\(server.port)/remote.git")
        let binary = try #require(HearthBinary.url)
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"),
                                           ["--default-signal=PIPE", binary.path, "sync", "--timeout", "1"],
                                           in: notebook.root, environment: notebook.environment())
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("did not answer for 1 s"), "\(result)")
    }

    @Test func timeoutComesFromGitConfigUnlessGiven() throws {
        let server = try SilentServer(.neverAnswer)
        defer { server.stop() }
        let notebook = try notebook(remote: "git://127.0.0.1:\(server.port)/remote.git")
        try notebook.git("config", "hearth.timeout", "1.5").requireSuccess()
        let configured = try notebook.hearth("sync")
        #expect(configured.status == 1 && configured.stderr.contains("did not answer for 1.5 s"), "\(configured)")
        let given = try notebook.hearth("sync", "--timeout", "1")
        #expect(given.status == 1 && given.stderr.contains("did not answer for 1 s"), "\(given)")
    }

    @Test func badTimeoutsAreRefusedBeforeAnythingHappens() throws {
        let notebook = try notebook(remote: "git://127.0.0.1:9/remote.git")
        let before = try committed(notebook)
        let zero = try notebook.hearth("sync", "--timeout", "0")
        #expect(zero.status == 2 && zero.stderr.contains("--timeout 0.0 is not a positive number of seconds"), "\(zero)")
        try notebook.git("config", "hearth.timeout", "soon").requireSuccess()
        let configured = try notebook.hearth("sync")
        #expect(configured.status == 1, "\(configured)")
        #expect(configured.stderr == "hearth: error: git config hearth.timeout is 'soon', not a positive number of seconds; "
            + "fix it with `git config hearth.timeout 30`\n", "\(configured)")
        let after = try committed(notebook)
        #expect(after.commits == before.commits && !after.clean)
    }

    @Test func cloneFromASilentRemoteTimesOut() throws {
        let server = try SilentServer(.neverAnswer)
        defer { server.stop() }
        let notebook = try TemporaryNotebook()
        let url = "http://127.0.0.1:\(server.port)/remote.git"
        let result = try notebook.hearth("clone", url, "copy", "--timeout", "1", in: notebook.base)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("cannot clone '\(url)': \(url) did not answer for 1 s"), "\(result)")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: notebook.base.appendingPathComponent("copy").path)) ?? []
        #expect(left.isEmpty, "\(left)")
    }

    @Test func deletedRemoteFolderIsReported() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let remote = notebook.base.appendingPathComponent("remote.git")
        try notebook.git("init", "-q", "--bare", "--initial-branch=main", remote.path).requireSuccess()
        try notebook.hearth("remote", "add", "origin", remote.path).requireSuccess()
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        try FileManager.default.removeItem(at: remote)
        try notebook.hearth("set", "today", "mood=4").requireSuccess()
        let result = try notebook.hearth("sync")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr == "hearth: error: cannot fetch from 'origin': the remote's folder \(remote.path) does not exist "
            + "(moved or deleted?); point the remote at its new place with `git remote set-url`\n", "\(result)")
        #expect(try committed(notebook).clean)
    }

    @Test func closedPortIsReported() throws {
        let closed = try SilentServer(.refuseConnections)
        defer { closed.stop() }
        let notebook = try notebook(remote: "git://127.0.0.1:\(closed.port)/remote.git")
        let result = try notebook.hearth("sync", "--timeout", "5")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.hasPrefix("hearth: error: cannot fetch from 'origin': failed to connect to 127.0.0.1"), "\(result)")
    }

    @Test(arguments: ["git", "http"])
    func remoteThatHangsUpIsReported(scheme: String) throws {
        let server = try SilentServer(.closeAfterReading)
        defer { server.stop() }
        let notebook = try notebook(remote: "\(scheme)://127.0.0.1:\(server.port)/remote.git")
        let result = try notebook.hearth("sync", "--timeout", "5")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.hasPrefix("hearth: error: cannot fetch from 'origin': the remote closed the connection "
            + "before the transfer finished"), "\(result)")
        #expect(try committed(notebook).clean)
    }
}
