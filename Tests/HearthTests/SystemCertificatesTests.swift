import Foundation
import TestSupport
import Testing

/// https remotes whose certificate the system's bundle vouches for. libgit2 parses that bundle
/// in its initialisation, which every command pays for; GitKit leaves the parse to the first
/// connection to another machine instead, so these tests check the bundle is still trusted there.
/// The bundle libgit2 reads is a fixed path, so each hearth here runs in a mount namespace of
/// its own (`unshare`) where that path shows the test server's certificate, and nothing else.
// The limit guards against a hang, it does not time the tests: the test process runs two tests
// at a time on two cores, and a test waiting for its turn behind minutes-long ones (kill stress,
// disk full) has its clock running; 1 and 2 minutes were exceeded that way under load.
@Suite(.timeLimit(.minutes(10)))
struct SystemCertificatesTests {
    static let bundle = "/etc/ssl/certs/ca-certificates.crt"

    /// Runs hearth with `certificates` in place of the system bundle (the real one when nil).
    func hearth(_ arguments: [String], bundle certificates: URL?, in directory: URL, setup: HTTPSTokenTests.Setup) throws -> ProcessResult {
        let binary = try #require(HearthBinary.url, "no built hearth next to the test bundle; run `swift build` first")
        let mount = certificates.map { _ in "mount --bind \"$0\" \(Self.bundle) && " } ?? ""
        let script = mount + "exec \"$@\""
        return try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/unshare"),
                                     ["--user", "--map-root-user", "--mount", "/bin/sh", "-c", script,
                                      certificates?.path ?? "-", binary.path] + arguments,
                                     in: directory, environment: setup.notebook.environment(["HEARTH_TOKEN": setup.token]))
    }

    @Test func theSystemBundleIsTrustedForCloneAndSync() throws {
        try #require(FileManager.default.fileExists(atPath: Self.bundle), "libgit2 reads its certificates from \(Self.bundle)")
        let setup = try HTTPSTokenTests.Setup()
        defer { setup.server.stop() }
        // The real bundle does not vouch for the test server: refused, nothing cloned.
        let refused = try hearth(["clone", setup.url, "copy"], bundle: nil, in: setup.notebook.base, setup: setup)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("the server's certificate is not signed by an authority this computer trusts"), "\(refused)")
        #expect(setup.server.requests.isEmpty, "\(setup.server.requests)")
        // A bundle holding the server's certificate: clone, then a sync that fetches and pushes.
        let clone = try hearth(["clone", setup.url, "copy"], bundle: setup.server.certificate, in: setup.notebook.base, setup: setup)
        #expect(clone.status == 0, "\(clone)")
        try setup.hearth("set", "today", "mood=5", in: setup.copy, environment: [:]).requireSuccess()
        let sync = try hearth(["sync", "--json"], bundle: setup.server.certificate, in: setup.copy, setup: setup)
        #expect(sync.status == 0, "\(sync)")
        #expect(sync.stdout.contains("\"outcome\" : \"pushed\"") || sync.stdout.contains("\"outcome\":\"pushed\""), "\(sync)")
        let pushed = try setup.git("log", "-1", "--format=%H", "main", in: setup.remote).requireSuccess()
        let local = try setup.git("rev-parse", "HEAD", in: setup.copy).requireSuccess()
        #expect(pushed.stdout == local.stdout)
    }
}
