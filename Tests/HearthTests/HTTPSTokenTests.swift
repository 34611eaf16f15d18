import Foundation
import TestSupport
import Testing

/// https remotes end to end against a real git server (`git http-backend` behind TLS with a
/// self-signed certificate): the token comes from HEARTH_TOKEN, is offered once, and appears in
/// no output, file or object; the test certificate is trusted only through SSL_CERT_FILE; a
/// password written into a remote URL is never printed.
// The limit guards against a hang, it does not time the tests: the test process runs two tests
// at a time on two cores, and a test waiting for its turn behind minutes-long ones (kill stress,
// disk full) has its clock running; 1 and 2 minutes were exceeded that way under load.
@Suite(.timeLimit(.minutes(10)))
struct HTTPSTokenTests {
    /// A notebook synced into `srv/remote.git`, served over https.
    struct Setup {
        let notebook: TemporaryNotebook
        let server: HTTPSGitServer
        let token = "hrt-" + UUID().uuidString
        var remote: URL { notebook.base.appendingPathComponent("srv/remote.git") }
        var copy: URL { notebook.base.appendingPathComponent("copy") }
        var url: String { server.url("remote.git") }

        init() throws {
            notebook = try TemporaryNotebook(initialized: true)
            let remote = notebook.base.appendingPathComponent("srv/remote.git")
            try notebook.git("init", "-q", "--bare", "--initial-branch=main", remote.path).requireSuccess()
            try notebook.hearth("today", "--no-edit").requireSuccess()
            try notebook.hearth("remote", "add", "origin", remote.path).requireSuccess()
            try notebook.hearth("sync").requireSuccess()
            server = try HTTPSGitServer(projectRoot: remote.deletingLastPathComponent(), token: token,
                                        folder: notebook.base.appendingPathComponent("tls"))
        }

        /// The environment that trusts the server's certificate, with the token unless told not to.
        func environment(token: String? = nil, trust: Bool = true) -> [String: String] {
            var environment: [String: String] = [:]
            if let token { environment["HEARTH_TOKEN"] = token }
            if trust { environment["SSL_CERT_FILE"] = server.certificate.path }
            return environment
        }

        /// Runs hearth in `directory` (default: the notebook's base folder).
        func hearth(_ arguments: String..., in directory: URL? = nil, environment: [String: String]) throws -> ProcessResult {
            try notebook.hearth(arguments, in: directory ?? notebook.base, environment: environment)
        }

        func git(_ arguments: String..., in repository: URL) throws -> ProcessResult {
            try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/git"), ["-C", repository.path] + arguments,
                                  in: notebook.base, environment: notebook.environment())
        }

        /// Checks that `secret` is nowhere: not in any output, not in any file under the test's
        /// folder (notebook, clone, remote, HOME), not in any object once decompressed.
        func expectNowhere(_ secret: String, outputs: [ProcessResult], repositories: [URL],
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
            let needle = Data(secret.utf8)
            for output in outputs {
                #expect(output.stdoutData.range(of: needle) == nil && output.stderrData.range(of: needle) == nil,
                        "\(output)", sourceLocation: sourceLocation)
            }
            var files = 0
            let enumerator = try #require(FileManager.default.enumerator(at: notebook.base, includingPropertiesForKeys: [.isRegularFileKey]))
            for case let file as URL in enumerator where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files += 1
                let contents = try Data(contentsOf: file)
                #expect(contents.range(of: needle) == nil, "\(file.path) holds the secret", sourceLocation: sourceLocation)
            }
            #expect(files > 20, sourceLocation: sourceLocation)
            for repository in repositories {
                let objects = try git("cat-file", "--batch-all-objects", "--batch", in: repository).requireSuccess()
                #expect(objects.stdoutData.count > 100 && objects.stdoutData.range(of: needle) == nil, sourceLocation: sourceLocation)
                let log = try git("log", "-p", "--all", in: repository).requireSuccess()
                #expect(!log.stdout.isEmpty && !log.stdout.contains(secret), sourceLocation: sourceLocation)
            }
        }
    }

    @Test func cloneAndSyncWithTheTokenLeaveItNowhere() throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        var outputs: [ProcessResult] = []
        let clone = try setup.hearth("clone", setup.url, "copy", environment: setup.environment(token: setup.token))
        outputs.append(clone)
        #expect(clone.status == 0, "\(clone)")
        #expect(clone.stdout.hasPrefix("Cloned \(setup.url) into "), "\(clone)")
        let edit = try setup.hearth("set", "today", "mood=5", in: setup.copy, environment: [:])
        outputs.append(edit)
        let sync = try setup.hearth("sync", "--json", in: setup.copy, environment: setup.environment(token: setup.token))
        outputs.append(sync)
        #expect(sync.status == 0, "\(sync)")
        #expect(sync.stdout.contains("\"outcome\" : \"pushed\"") || sync.stdout.contains("\"outcome\":\"pushed\""), "\(sync)")
        let pushed = try setup.git("log", "-1", "--format=%H", "main", in: setup.remote).requireSuccess()
        let local = try setup.git("rev-parse", "HEAD", in: setup.copy).requireSuccess()
        #expect(pushed.stdout == local.stdout)
        // The server saw the token on every request after the first challenge, and never a wrong one.
        let requests = setup.server.requests
        #expect(requests.contains { $0.hasPrefix("POST /remote.git/git-receive-pack") && $0.hasSuffix("auth=good") }, "\(requests)")
        #expect(!requests.contains { $0.hasSuffix("auth=bad") }, "\(requests)")
        // Without the token the next sync stops at the remote and says where a token goes.
        try setup.hearth("set", "today", "mood=4", in: setup.copy, environment: [:]).requireSuccess()
        let without = try setup.hearth("sync", in: setup.copy, environment: setup.environment())
        outputs.append(without)
        #expect(without.status == 1, "\(without)")
        #expect(without.stderr.contains("put an access token in the environment variable HEARTH_TOKEN"), "\(without)")
        try setup.expectNowhere(setup.token, outputs: outputs, repositories: [setup.copy, setup.remote, setup.notebook.root])
    }

    @Test func cloneWithoutATokenNamesTheVariable() throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        let result = try setup.hearth("clone", setup.url, "copy", environment: setup.environment())
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("asks for a user name and password; put an access token in the environment variable HEARTH_TOKEN"),
                "\(result)")
    }

    @Test func aWrongTokenIsOfferedOnce() throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        let wrong = "wrong-" + UUID().uuidString
        let result = try setup.hearth("clone", setup.url, "copy", environment: setup.environment(token: wrong))
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("rejected the access token in HEARTH_TOKEN"), "\(result)")
        #expect(!result.stdout.contains(wrong) && !result.stderr.contains(wrong))
        #expect(setup.server.requests.filter { $0.hasSuffix("auth=bad") }.count == 1, "\(setup.server.requests)")
    }

    @Test func anUntrustedCertificateIsRefused() throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        let result = try setup.hearth("clone", setup.url, "copy", environment: setup.environment(token: setup.token, trust: false))
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("the server's certificate is not signed by an authority this computer trusts: "
            + "if it is your own, set SSL_CERT_FILE to a PEM file with the certificates to trust"), "\(result)")
        // Refused during the TLS handshake: no request reached the server, so no token was sent.
        #expect(setup.server.requests.isEmpty, "\(setup.server.requests)")
        #expect(!FileManager.default.fileExists(atPath: setup.copy.appendingPathComponent(".git").path))
    }

    @Test func certificatesCanComeFromAFolderAndABadFileIsNamed() throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        let folder = setup.notebook.base.appendingPathComponent("ca")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: setup.server.certificate, to: folder.appendingPathComponent("test-ca.pem"))
        let fromFolder = try setup.hearth("clone", setup.url, "copy",
                                          environment: ["HEARTH_TOKEN": setup.token, "SSL_CERT_DIR": folder.path])
        #expect(fromFolder.status == 0, "\(fromFolder)")
        let missing = setup.notebook.base.appendingPathComponent("no-such.pem").path
        let bad = try setup.hearth("clone", setup.url, "other",
                                   environment: ["HEARTH_TOKEN": setup.token, "SSL_CERT_FILE": missing])
        #expect(bad.status == 1, "\(bad)")
        #expect(bad.stderr.contains("cannot load the certificates named by SSL_CERT_FILE=\(missing)"), "\(bad)")
    }

    @Test func aPasswordInARemoteURLIsNeverPrinted() throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        let withPassword = "https://git:\(setup.token)@127.0.0.1:\(setup.server.port)/remote.git"
        let redacted = "https://git@127.0.0.1:\(setup.server.port)/remote.git"
        var outputs: [ProcessResult] = []
        let clone = try setup.hearth("clone", withPassword, "copy", environment: setup.environment())
        outputs.append(clone)
        #expect(clone.status == 0 && clone.stdout.hasPrefix("Cloned \(redacted) into "), "\(clone)")
        outputs.append(try setup.hearth("remote", "-v", in: setup.copy, environment: [:]))
        #expect(outputs.last?.stdout == "origin\t\(redacted)\n", "\(outputs.last!)")
        outputs.append(try setup.hearth("remote", "list", "--json", in: setup.copy, environment: [:]))
        #expect(outputs.last?.stdout.contains(redacted.replacingOccurrences(of: "/", with: "\\/")) == true
                || outputs.last?.stdout.contains(redacted) == true, "\(outputs.last!)")
        try setup.hearth("set", "today", "mood=5", in: setup.copy, environment: [:]).requireSuccess()
        let sync = try setup.hearth("sync", "--json", in: setup.copy, environment: setup.environment())
        outputs.append(sync)
        #expect(sync.status == 0, "\(sync)")
        let fetchHead = try String(contentsOf: setup.copy.appendingPathComponent(".git/FETCH_HEAD"), encoding: .utf8)
        #expect(!fetchHead.isEmpty && !fetchHead.contains(setup.token), "\(fetchHead)")
        let wrongURL = "https://git:not-\(setup.token)@127.0.0.1:\(setup.server.port)/remote.git"
        let added = try setup.hearth("remote", "add", "stale", wrongURL, in: setup.copy, environment: [:])
        outputs.append(added)
        #expect(added.stdout.contains("Added remote stale https://git@127.0.0.1"), "\(added)")
        let failed = try setup.hearth("sync", "stale", in: setup.copy, environment: setup.environment())
        outputs.append(failed)
        #expect(failed.status == 1 && failed.stderr.contains("cannot fetch from 'stale'"), "\(failed)")
        let refused = try setup.hearth("clone", wrongURL, "other", environment: setup.environment())
        outputs.append(refused)
        #expect(refused.status == 1 && refused.stderr.contains("cannot clone '\(redacted)'"), "\(refused)")
        // A repository that is no notebook: refused, with the URL shown without its password.
        let scratch = setup.notebook.base.appendingPathComponent("scratch")
        try setup.git("init", "-q", "--initial-branch=main", scratch.path, in: setup.notebook.base).requireSuccess()
        try setup.git("-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "plain",
                      in: scratch).requireSuccess()
        try setup.git("init", "-q", "--bare", setup.notebook.base.appendingPathComponent("srv/plain.git").path,
                      in: setup.notebook.base).requireSuccess()
        try setup.git("push", "-q", setup.notebook.base.appendingPathComponent("srv/plain.git").path, "main", in: scratch).requireSuccess()
        let plain = try setup.hearth("clone", withPassword.replacingOccurrences(of: "remote.git", with: "plain.git"), "plain",
                                     environment: setup.environment())
        outputs.append(plain)
        #expect(plain.status == 1 && plain.stderr.contains("holds no hearth notebook")
                && plain.stderr.contains(redacted.replacingOccurrences(of: "remote.git", with: "plain.git")), "\(plain)")
        // GitHub's documented form puts the token where the user goes: masked as a whole.
        let tokenAsUser = "https://\(setup.token)@127.0.0.1:\(setup.server.port)/remote.git"
        let asUser = try setup.hearth("clone", tokenAsUser, "as-user", environment: setup.environment())
        outputs.append(asUser)
        #expect(asUser.stdout.contains("https://***@127.0.0.1") || asUser.stderr.contains("https://***@127.0.0.1"), "\(asUser)")
        outputs.append(try setup.hearth("remote", "-v", in: setup.notebook.base.appendingPathComponent("as-user"), environment: [:]))
        for output in outputs {
            #expect(!output.stdout.contains(setup.token) && !output.stderr.contains(setup.token), "\(output)")
        }
    }
}
