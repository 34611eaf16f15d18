import Foundation
import TestSupport
import Testing

/// A push the remote stops answering mid-way (its `pre-receive` hook sleeps, so the server sends
/// nothing while it runs): the watchdog cuts the connection after `--timeout` and the sync exits 1
/// with the timeout message. Freeing the cut https or ssh connection writes a goodbye to it; that
/// must not end hearth by SIGPIPE (hearth runs with SIGPIPE's default action, as from a shell).
// The limit guards against a hang, it does not time the tests: the test process runs two tests
// at a time on two cores, and a test waiting for its turn behind minutes-long ones (kill stress,
// disk full) has its clock running; 1 and 2 minutes were exceeded that way under load.
@Suite(.timeLimit(.minutes(10)))
struct SilentPushTests {
    @Test(arguments: HostileNetworkNotebook.Transport.allCases)
    func aPushTheRemoteStopsAnsweringFailsWithTheTimeoutMessage(transport: HostileNetworkNotebook.Transport) throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let remote = notebook.base.appendingPathComponent("srv/remote.git")
        try notebook.git("init", "-q", "--bare", "--initial-branch=main", remote.path).requireSuccess()
        let hook = remote.appendingPathComponent("hooks/pre-receive")
        try Data("#!/bin/sh\ncat > /dev/null\nsleep 4\n".utf8).write(to: hook)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
        let token = "hrt-" + UUID().uuidString
        var environment: [String: String] = [:]
        let server: SSHServer?
        let https: HTTPSGitServer?
        let url: String
        switch transport {
        case .ssh:
            let key = notebook.home.appendingPathComponent(".ssh/id_ed25519")
            try FileManager.default.createDirectory(at: key.deletingLastPathComponent(), withIntermediateDirectories: true)
            try SSHKeys.generate(type: "ed25519", at: key)
            let sshd = try SSHServer()
            try sshd.authorize(publicKey: key.appendingPathExtension("pub"))
            (server, https) = (sshd, nil)
            url = "ssh://root@127.0.0.1:\(sshd.port)\(remote.path)"
        case .https:
            let web = try HTTPSGitServer(projectRoot: remote.deletingLastPathComponent(), token: token,
                                         folder: notebook.base.appendingPathComponent("tls"))
            (server, https) = (nil, web)
            environment = ["HEARTH_TOKEN": token, "SSL_CERT_FILE": web.certificate.path]
            url = web.url("remote.git")
        }
        defer {
            server?.stop()
            https?.stop()
        }
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("remote", "add", "origin", url).requireSuccess()
        let result = try notebook.hearth(["sync", "--timeout", "1", "--accept-new-host"], environment: environment)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.hasPrefix("hearth: error: cannot push to 'origin': ") && result.stderr.contains("did not answer for 1 s"),
                "\(result)")
    }
}
