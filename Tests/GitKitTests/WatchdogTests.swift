import Foundation
import GitKit
import TestSupport
import Testing

/// Remotes that accept a connection and then never answer, or hang up: every network operation
/// ends with a clear error naming the remote, well within bounds, instead of waiting forever.
// The limit guards against a hang, it does not time the tests: the test process runs two tests
// at a time on two cores, and a test waiting for its turn behind minutes-long ones (kill stress,
// disk full) has its clock running; 1 and 2 minutes were exceeded that way under load.
@Suite(.timeLimit(.minutes(10)))
struct WatchdogTests {
    @Test(arguments: ["git", "http", "https", "ssh"])
    func fetchFromASilentRemoteTimesOut(scheme: String) throws {
        try Scratch.with { scratch in
            let server = try SilentServer(.neverAnswer)
            defer { server.stop() }
            let repository = try Repository.create(at: scratch.root)
            let url = "\(scheme)://127.0.0.1:\(server.port)/notebook.git"
            try repository.addRemote(name: "origin", url: url)
            var options = scratch.networkOptions
            options.timeout = 1
            let error = try #require(throws: GitError.self) {
                try repository.fetch(remote: "origin", options: options)
            }
            #expect(error.code == .timeout)
            #expect(error.message == "\(url) did not answer for 1 s")
            #expect(error.cause == .timeout(seconds: 1))
            #expect(server.accepted >= 1)
        }
    }

    /// Cut mid-fetch, when libgit2 1.5 is connected and writes its goodbye (a flush packet) to the
    /// dead connection. (The SIGPIPE that write raises is shown harmless end to end, in
    /// NetworkFailureTests: this test process ignores SIGPIPE anyway.)
    @Test func fetchCutAfterTheAdvertisementTimesOut() throws {
        try Scratch.with { scratch in
            let server = try SilentServer(.advertiseThenHang)
            defer { server.stop() }
            let repository = try Repository.create(at: scratch.root)
            var options = scratch.networkOptions
            options.timeout = 1
            let url = "git://127.0.0.1:\(server.port)/notebook.git"
            let error = try #require(throws: GitError.self) {
                try repository.fetch(remote: url, refspecs: ["+refs/heads/main:refs/remotes/origin/main"], options: options)
            }
            #expect(error.code == .timeout, "\(error)")
        }
    }

    /// The limit is on silence, not on the whole operation: a server that keeps sending, however
    /// slowly, is waited for well past the timeout, until it hangs up.
    @Test func aSlowButTalkingRemoteIsNotCut() throws {
        try Scratch.with { scratch in
            let server = try SilentServer(.trickle(seconds: 2.5))
            defer { server.stop() }
            let repository = try Repository.create(at: scratch.root)
            var options = scratch.networkOptions
            options.timeout = 1
            let error = try #require(throws: GitError.self) {
                try repository.fetch(remote: "http://127.0.0.1:\(server.port)/notebook.git", options: options)
            }
            #expect(error.code != .timeout, "\(error)")
            #expect(error.message.hasPrefix("the remote closed the connection"), "\(error)")
        }
    }

    @Test func aPasswordInTheURLStaysOutOfTheTimeoutMessage() throws {
        try Scratch.with { scratch in
            let server = try SilentServer(.neverAnswer)
            defer { server.stop() }
            let repository = try Repository.create(at: scratch.root)
            var options = scratch.networkOptions
            options.timeout = 1
            let error = try #require(throws: GitError.self) {
                try repository.fetch(remote: "http://ana:hunter2secret@127.0.0.1:\(server.port)/notebook.git", options: options)
            }
            #expect(error.code == .timeout)
            #expect(error.description.contains("http://ana@127.0.0.1:\(server.port)/notebook.git did not answer"), "\(error)")
            #expect(!error.description.contains("hunter2secret"))
        }
    }

    @Test func pushToASilentRemoteTimesOut() throws {
        try Scratch.with { scratch in
            let server = try SilentServer(.neverAnswer)
            defer { server.stop() }
            let (repository, _) = try scratch.repositoryWithCommits([["a.md": "one\n"]])
            var options = scratch.networkOptions
            options.timeout = 1
            let error = try #require(throws: GitError.self) {
                try repository.push(remote: "git://127.0.0.1:\(server.port)/notebook.git",
                                    refspecs: ["refs/heads/main:refs/heads/main"], options: options)
            }
            #expect(error.code == .timeout)
            #expect(error.description.contains("did not answer for 1 s"))
        }
    }

    @Test func cloneFromASilentRemoteTimesOutAndLeavesNoFolder() throws {
        try Scratch.with { scratch in
            let server = try SilentServer(.neverAnswer)
            defer { server.stop() }
            var options = scratch.networkOptions
            options.timeout = 1
            let target = scratch.base.appending(path: "clone")
            let error = try #require(throws: GitError.self) {
                _ = try Repository.clone(from: "http://127.0.0.1:\(server.port)/notebook.git", to: target, options: options)
            }
            #expect(error.code == .timeout)
            #expect(!FileManager.default.fileExists(atPath: target.appending(path: ".git").path(percentEncoded: false)))
        }
    }

    /// Without a timeout the watchdog stays out of the way: a silent remote is still waiting
    /// when the server goes away, and the error is the hang-up, not a timeout.
    @Test func noTimeoutMeansNoWatchdog() throws {
        try Scratch.with { scratch in
            let server = try SilentServer(.neverAnswer)
            let repository = try Repository.create(at: scratch.root)
            var options = scratch.networkOptions
            options.timeout = nil
            let stopper = Thread { Thread.sleep(forTimeInterval: 1.5); server.stop() }
            stopper.start()
            let error = try #require(throws: GitError.self) {
                try repository.fetch(remote: "git://127.0.0.1:\(server.port)/notebook.git", options: options)
            }
            #expect(error.code != .timeout)
            while !stopper.isFinished { Thread.sleep(forTimeInterval: 0.05) }
        }
    }

    @Test(arguments: ["git", "http", "ssh"])
    func remoteThatHangsUpIsReported(scheme: String) throws {
        try Scratch.with { scratch in
            let server = try SilentServer(.closeAfterReading)
            defer { server.stop() }
            let repository = try Repository.create(at: scratch.root)
            let url = "\(scheme)://127.0.0.1:\(server.port)/notebook.git"
            let error = try #require(throws: GitError.self) {
                try repository.fetch(remote: url, options: scratch.networkOptions)
            }
            #expect(error.code != .timeout)
            #expect(error.description.hasPrefix("cannot fetch from \(url): "))
            if scheme != "ssh" { #expect(error.message.hasPrefix("the remote closed the connection before the transfer finished")) }
        }
    }

    @Test func pushToAHangingUpRemoteIsReported() throws {
        try Scratch.with { scratch in
            let server = try SilentServer(.closeAfterReading)
            defer { server.stop() }
            let (repository, _) = try scratch.repositoryWithCommits([["a.md": "one\n"]])
            let url = "http://127.0.0.1:\(server.port)/notebook.git"
            let error = try #require(throws: GitError.self) {
                try repository.push(remote: url, refspecs: ["refs/heads/main:refs/heads/main"], options: scratch.networkOptions)
            }
            #expect(error.description.hasPrefix("cannot push to \(url): "))
        }
    }
}
