import Foundation
import TestSupport
import Testing

/// A notebook (device `laptop`) beside a bare carrier repository `srv/carrier.git` served over
/// ssh (a real sshd, key in the test's `~/.ssh`) or https (`git http-backend` behind TLS, a token),
/// with the encrypted remote `vault` added to it by `hearth remote add vault URL --encrypt`. The
/// carrier records every update of its branch (`core.logAllRefUpdates`), so a test can show no
/// push ever replaced the branch, and its `pre-receive` hook can hold the first push that reaches
/// it until the test releases it: two devices pushing at once, for certain.
final class EncryptedNetworkRemote {
    let notebook: TemporaryNotebook
    let transport: HostileNetworkNotebook.Transport
    /// Unique to this test, so no other test's process or file can hold it by chance.
    let passphrase = "enc-net passphrase " + UUID().uuidString
    /// The carrier's URL over `transport`.
    let url: String
    /// What every hearth command here gets: the passphrase, and for https the token and trust.
    let environment: [String: String]
    /// Every hearth run's result, to look for secrets in.
    private(set) var outputs: [ProcessResult] = []
    private let ssh: SSHServer?
    private let https: HTTPSGitServer?

    var carrier: URL { notebook.base.appendingPathComponent("srv/carrier.git") }
    /// Where the hook keeps its record and its hold.
    var hookFolder: URL { notebook.base.appendingPathComponent("hook") }

    init(_ transport: HostileNetworkNotebook.Transport) throws {
        self.transport = transport
        notebook = try TemporaryNotebook(initialized: true)
        let carrier = notebook.base.appendingPathComponent("srv/carrier.git")
        try notebook.git(in: notebook.base, "init", "-q", "--bare", carrier.path).requireSuccess()
        try notebook.git(in: carrier, "config", "core.logAllRefUpdates", "always").requireSuccess()
        var environment = ["HEARTH_PASSPHRASE": passphrase]
        switch transport {
        case .ssh:
            let key = notebook.home.appendingPathComponent(".ssh/id_ed25519")
            try FileManager.default.createDirectory(at: key.deletingLastPathComponent(), withIntermediateDirectories: true)
            try SSHKeys.generate(type: "ed25519", at: key)
            let server = try SSHServer()
            try server.authorize(publicKey: key.appendingPathExtension("pub"))
            (ssh, https) = (server, nil)
            url = "ssh://root@127.0.0.1:\(server.port)\(carrier.path)"
        case .https:
            let token = "hrt-" + UUID().uuidString
            let server = try HTTPSGitServer(projectRoot: carrier.deletingLastPathComponent(), token: token,
                                            folder: notebook.base.appendingPathComponent("tls"))
            (ssh, https) = (nil, server)
            url = server.url("carrier.git")
            environment["HEARTH_TOKEN"] = token
            environment["SSL_CERT_FILE"] = server.certificate.path
        }
        self.environment = environment
        // The first contact with the ssh server records its key; every later command knows it.
        let add = try hearth(["remote", "add", "vault", url, "--encrypt", "--accept-new-host"])
        try add.requireSuccess()
        #expect(add.stdout.contains("Added encrypted remote vault") && add.stdout.contains("with a new key"), "\(add)")
    }

    deinit {
        ssh?.stop()
        https?.stop()
    }

    /// Runs hearth in `folder` (default: the laptop) with ``environment``.
    @discardableResult
    func hearth(_ arguments: [String], in folder: URL? = nil) throws -> ProcessResult {
        let result = try notebook.hearth(arguments, in: folder ?? notebook.root, environment: environment)
        outputs.append(result)
        return result
    }

    /// `hearth sync` in `folder` (default: the laptop), which must succeed.
    @discardableResult
    func sync(_ folder: URL? = nil) throws -> ProcessResult {
        try hearth(["sync"], in: folder).requireSuccess()
    }

    /// `hearth clone URL base/<name> --device <name>`, which must succeed.
    func clone(_ name: String) throws -> URL {
        let folder = notebook.base.appendingPathComponent(name)
        let result = try hearth(["clone", url, folder.path, "--device", name], in: notebook.base)
        try result.requireSuccess()
        #expect(result.stdout.contains("Cloned"), "\(result)")
        return folder
    }

    /// The files of a device's notebook, `.git` left out.
    func files(_ folder: URL) throws -> [String: [UInt8]] {
        try TemporaryNotebook.files(under: folder).filter { !$0.key.hasPrefix(".git/") }
    }

    func head(_ folder: URL) throws -> String {
        try notebook.git(in: folder, "rev-parse", "HEAD").requireSuccess().stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every object of the carrier, contents included, as the host's git sees it.
    func carrierObjects() throws -> Data {
        try notebook.git(in: carrier, "cat-file", "--batch-all-objects", "--batch").requireSuccess().stdoutData
    }

    /// Each update of the carrier's branch, oldest first, from its reflog: (old, new).
    func carrierUpdates() throws -> [(old: String, new: String)] {
        let log = try String(contentsOf: carrier.appendingPathComponent("logs/refs/heads/hearth-encrypted"), encoding: .utf8)
        return log.split(separator: "\n").map { line in
            let fields = line.split(separator: " ")
            return (String(fields[0]), String(fields[1]))
        }
    }

    /// Whether `ancestor` is `descendant` or one of its ancestors in the carrier.
    func carrierIsAncestor(_ ancestor: String, of descendant: String) throws -> Bool {
        try notebook.git(in: carrier, "merge-base", "--is-ancestor", ancestor, descendant).status == 0
    }

    /// Installs the carrier's `pre-receive` hook: it records each push's "old new ref" line in
    /// `hook/pushes`, and holds the first push that reaches it (saying so in `hook/waiting`)
    /// until `hook/release` exists.
    func holdFirstPush() throws {
        try FileManager.default.createDirectory(at: hookFolder, withIntermediateDirectories: true)
        let folder = TmuxSession.quoted(hookFolder.path)
        let script = """
            #!/bin/sh
            cat >> \(folder)/pushes
            if mkdir \(folder)/held 2>/dev/null; then
                touch \(folder)/waiting
                n=0
                while [ ! -e \(folder)/release ] && [ $n -lt 1200 ]; do sleep 0.05; n=$((n + 1)); done
            fi
            exit 0

            """
        let hook = carrier.appendingPathComponent("hooks/pre-receive")
        try Data(script.utf8).write(to: hook)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
    }

    /// Installs the carrier's `pre-receive` hook that writes every process's argument list on
    /// this machine, one per line, to `hook/processes` while a push waits for it: the pushing
    /// hearth, ssh's or the web server's processes, git's on the server.
    func recordProcessesAtPush() throws {
        try FileManager.default.createDirectory(at: hookFolder, withIntermediateDirectories: true)
        let file = TmuxSession.quoted(hookFolder.appendingPathComponent("processes").path)
        let script = """
            #!/bin/sh
            cat > /dev/null
            for f in /proc/[0-9]*/cmdline; do tr '\\0' ' ' < "$f" 2>/dev/null; echo; done >> \(file)
            exit 0

            """
        let hook = carrier.appendingPathComponent("hooks/pre-receive")
        try Data(script.utf8).write(to: hook)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
    }

    /// The pushes the hook saw, in order: (old, new) of the carrier's branch.
    func pushesSeen() throws -> [(old: String, new: String)] {
        let text = try String(contentsOf: hookFolder.appendingPathComponent("pushes"), encoding: .utf8)
        return text.split(separator: "\n").map { line in
            let fields = line.split(separator: " ")
            return (String(fields[0]), String(fields[1]))
        }
    }

    /// Waits (at most a minute, which only a broken run reaches) until the hook holds a push.
    func waitUntilAPushIsHeld() throws {
        let waiting = hookFolder.appendingPathComponent("waiting")
        let end = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: waiting.path) {
            guard Date() < end else { throw SetupFailure(message: "no push reached the carrier's hook in 60 s") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    func releaseHeldPush() throws {
        try Data().write(to: hookFolder.appendingPathComponent("release"))
    }
}
