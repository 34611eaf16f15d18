import Foundation
import TestSupport
import Testing

/// `hearth sync` and `hearth clone` over ssh:// against a real sshd on 127.0.0.1: keys from a
/// file and from ssh-agent, known_hosts (unknown, accepted, changed, hashed), RSA advice, each
/// credential tried once, no secret in any output.
@Suite struct SSHSyncTests {
    @Test func aKeyFileSyncRefusesAnUnknownHostUntilAcceptNewHostRecordsIt() throws {
        let fixture = try SSHNotebook()
        let notebook = fixture.notebook
        let key = try fixture.makeKey("ed25519", at: fixture.sshFolder.appendingPathComponent("id_ed25519"), authorized: true)
        // An existing known_hosts, hashed as Debian writes it and without a final newline: the
        // new host must be appended after its lines, which stay byte for byte.
        let otherKey = notebook.base.appendingPathComponent("other-host")
        try SSHKeys.generate(type: "ed25519", at: otherKey)
        let otherFields = String(decoding: try Data(contentsOf: otherKey.appendingPathExtension("pub")), as: UTF8.self)
            .split(separator: " ").prefix(2).joined(separator: " ")
        try Data("# mine\nexample.com \(otherFields)\n".utf8).write(to: fixture.knownHosts)
        try SSHKeys.run(["-H", "-f", fixture.knownHosts.path])
        try FileManager.default.removeItem(at: fixture.knownHosts.appendingPathExtension("old"))
        var existing = try Data(contentsOf: fixture.knownHosts)
        if existing.last == UInt8(ascii: "\n") { existing.removeLast() }
        try existing.write(to: fixture.knownHosts)

        var outputs: [ProcessResult] = []
        let refused = try notebook.hearth("sync")
        outputs.append(refused)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("the ssh host \(fixture.hostName) is not known"), "\(refused)")
        #expect(refused.stderr.contains(try fixture.hostFingerprint()), "\(refused)")
        #expect(refused.stderr.contains("--accept-new-host"), "\(refused)")
        #expect(try Data(contentsOf: fixture.knownHosts) == existing)
        #expect(try fixture.remoteHead() == nil)

        let accepted = try notebook.hearth("sync", "--accept-new-host")
        outputs.append(accepted)
        #expect(accepted.status == 0, "\(accepted)")
        #expect(accepted.stdout.contains("Sent"), "\(accepted)")
        #expect(try fixture.remoteHead() == (try notebook.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .newlines)))
        let recorded = try Data(contentsOf: fixture.knownHosts)
        #expect(recorded.starts(with: existing))
        let added = String(decoding: recorded.dropFirst(existing.count), as: UTF8.self)
        #expect(added == "\n\(fixture.hostName) \(try fixture.hostKeyFields())\n")
        // OpenSSH agrees the line names this host and key.
        let found = try SSHKeys.run(["-F", fixture.hostName, "-f", fixture.knownHosts.path])
        #expect(found.contains(try fixture.hostKeyFields()), "\(found)")

        // From now on no flag is needed, for sync or clone.
        try notebook.hearth("jot", "over ssh").requireSuccess()
        let again = try notebook.hearth("sync")
        outputs.append(again)
        #expect(again.status == 0 && again.stdout.contains("Sent 1 commit"), "\(again)")
        let desk = notebook.base.appendingPathComponent("desk")
        let clone = try notebook.hearth(["clone", fixture.url, desk.path], in: notebook.base)
        outputs.append(clone)
        #expect(clone.status == 0, "\(clone)")
        #expect(FileManager.default.fileExists(atPath: desk.appendingPathComponent(SyncCommandTests.path).path))
        #expect(try Data(contentsOf: fixture.knownHosts) == recorded, "nothing more is recorded for a known host")

        let attempts = SSHNotebook.publicKeyAttempts(in: fixture.server.settledLog())
        // Every connection got in with the first key it offered.
        #expect(!attempts.isEmpty && attempts.allSatisfy { $0.contains("Accepted publickey for root") }, "\(attempts)")
        let secrets = try SSHNotebook.secretLines(of: key)
        for output in outputs {
            #expect(!secrets.contains { output.stdout.contains($0) || output.stderr.contains($0) })
        }
    }

    @Test func theAgentAloneIsEnoughForCloneAndSyncAndAcceptNewHostCreatesSSHFolderPrivately() throws {
        let fixture = try SSHNotebook()
        let notebook = fixture.notebook
        // The key lives outside HOME: only the agent has it.
        let key = try fixture.makeKey("ed25519", at: notebook.base.appendingPathComponent("keys/agent_ed25519"), authorized: true)
        let agent = try SSHAgent()
        defer { agent.stop() }
        try agent.add(privateKey: key)
        let withAgent = ["SSH_AUTH_SOCK": agent.socket.path]

        let first = try notebook.hearth(["sync", "--accept-new-host"], environment: withAgent)
        #expect(first.status == 0, "\(first)")
        #expect(try fixture.remoteHead() != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.sshFolder.path) == ["known_hosts"])
        #expect(try permissions(fixture.sshFolder) == 0o700)
        #expect(try permissions(fixture.knownHosts) == 0o600)

        // Another device (another HOME, no ~/.ssh at all) clones with --accept-new-host.
        let home = notebook.base.appendingPathComponent("desk-home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let desk = notebook.base.appendingPathComponent("desk")
        var deskEnvironment = withAgent
        deskEnvironment["HOME"] = home.path
        let refused = try notebook.hearth(["clone", fixture.url, desk.path], in: notebook.base, environment: deskEnvironment)
        let fingerprint = try fixture.hostFingerprint()
        #expect(refused.status == 1 && refused.stderr.contains(fingerprint), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent(".ssh").path))
        let clone = try notebook.hearth(["clone", "--accept-new-host", fixture.url, desk.path], in: notebook.base, environment: deskEnvironment)
        #expect(clone.status == 0, "\(clone)")
        #expect(FileManager.default.fileExists(atPath: desk.appendingPathComponent(SyncCommandTests.path).path))
        let deskKnownHosts = home.appendingPathComponent(".ssh/known_hosts")
        #expect(try String(contentsOf: deskKnownHosts, encoding: .utf8) == "\(fixture.hostName) \(try fixture.hostKeyFields())\n")
        #expect(try permissions(home.appendingPathComponent(".ssh")) == 0o700)
        #expect(try permissions(deskKnownHosts) == 0o600)

        try notebook.hearth(["jot", "from the desk"], in: desk, environment: deskEnvironment).requireSuccess()
        let deskSync = try notebook.hearth(["sync"], in: desk, environment: deskEnvironment)
        #expect(deskSync.status == 0 && deskSync.stdout.contains("Sent 1 commit"), "\(deskSync)")

        // Without the agent there is nothing to offer, and the error says so.
        let noAgent = try notebook.hearth(["sync"], in: desk, environment: ["HOME": home.path])
        #expect(noAgent.status == 1 && noAgent.stderr.contains("SSH_AUTH_SOCK is not set"), "\(noAgent)")
        for output in [first, refused, clone, deskSync, noAgent] {
            #expect(!(try SSHNotebook.secretLines(of: key)).contains { output.stdout.contains($0) || output.stderr.contains($0) })
        }
    }

    @Test func aChangedHostKeyIsRefusedEvenWithAcceptNewHostInPlainAndHashedFiles() throws {
        let fixture = try SSHNotebook()
        let notebook = fixture.notebook
        try fixture.makeKey("ed25519", at: fixture.sshFolder.appendingPathComponent("id_ed25519"), authorized: true)
        // What a reinstalled server, or someone in between, looks like: the same host:port
        // recorded with another key.
        let impostor = notebook.base.appendingPathComponent("old-host-key")
        try SSHKeys.generate(type: "ed25519", at: impostor)
        let oldFields = String(decoding: try Data(contentsOf: impostor.appendingPathExtension("pub")), as: UTF8.self)
            .split(separator: " ").prefix(2).joined(separator: " ")
        try Data("# mine\nexample.com \(oldFields)\n\(fixture.hostName) \(oldFields)\n".utf8).write(to: fixture.knownHosts)

        for hashed in [false, true] {
            if hashed {
                try SSHKeys.run(["-H", "-f", fixture.knownHosts.path])
                try FileManager.default.removeItem(at: fixture.knownHosts.appendingPathExtension("old"))
                #expect(!(try String(contentsOf: fixture.knownHosts, encoding: .utf8)).contains("127.0.0.1"))
            }
            let before = try Data(contentsOf: fixture.knownHosts)
            for arguments in [["sync"], ["sync", "--accept-new-host"]] {
                let result = try notebook.hearth(arguments)
                #expect(result.status == 1, "\(result)")
                #expect(result.stderr.contains("the ssh host key of \(fixture.hostName) has changed"), "\(result)")
                #expect(result.stderr.contains(try fixture.hostFingerprint()), "\(result)")
                #expect(result.stderr.contains("line 3 of \(fixture.knownHosts.path)"), "\(result)")
                #expect(try Data(contentsOf: fixture.knownHosts) == before, "known_hosts is never rewritten")
            }
            let clone = try notebook.hearth(["clone", "--accept-new-host", fixture.url, "desk"], in: notebook.base)
            #expect(clone.status == 1 && clone.stderr.contains("has changed"), "\(clone)")
        }
        #expect(try fixture.remoteHead() == nil)
        #expect(SSHNotebook.publicKeyAttempts(in: fixture.server.settledLog()).isEmpty, "no key is offered to an untrusted host")

        // Following the advice (remove the line, accept again) works.
        try SSHKeys.run(["-R", fixture.hostName, "-f", fixture.knownHosts.path])
        let accepted = try notebook.hearth("sync", "--accept-new-host")
        #expect(accepted.status == 0, "\(accepted)")
        #expect(try fixture.remoteHead() != nil)
    }

    @Test func anRSAKeyGetsAdviceToUseEd25519AndIsOfferedOnce() throws {
        let fixture = try SSHNotebook()
        let notebook = fixture.notebook
        let key = try fixture.makeKey("rsa", at: fixture.sshFolder.appendingPathComponent("id_rsa"), authorized: true)
        // OpenSSH's own client logs in with this key (rsa-sha2 signatures): the server accepts it.
        let ssh = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/ssh"), [
            "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
            "-i", key.path, "-p", String(fixture.server.port), "root@127.0.0.1", "true",
        ], in: notebook.base, environment: notebook.environment())
        #expect(ssh.status == 0, "\(ssh)")

        let result = try notebook.hearth("sync", "--accept-new-host")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("after trying ~/.ssh/id_rsa"), "\(result)")
        #expect(result.stderr.contains("~/.ssh/id_rsa is an RSA key, and modern servers"), "\(result)")
        #expect(result.stderr.contains("SHA-1"), "\(result)")
        #expect(result.stderr.contains("ssh-keygen -t ed25519"), "\(result)")
        #expect(try fixture.remoteHead() == nil)
        // The server saw one attempt from hearth, refused for exactly the reason the message gives.
        let attempts = SSHNotebook.publicKeyAttempts(in: fixture.server.settledLog())
        let hearthAttempts = attempts.filter { !$0.contains("Accepted publickey") }
        #expect(hearthAttempts.count == 1, "\(attempts)")
        #expect(hearthAttempts.first?.contains("signature algorithm ssh-rsa not in PubkeyAcceptedAlgorithms") == true, "\(attempts)")
        let secrets = try SSHNotebook.secretLines(of: key)
        #expect(!secrets.contains { result.stdout.contains($0) || result.stderr.contains($0) })
    }

    @Test func refusedKeysAreEachTriedOnceAndListed() throws {
        let fixture = try SSHNotebook()
        let notebook = fixture.notebook
        // Three credentials the server does not accept: two key files and an agent key.
        let ed25519 = try fixture.makeKey("ed25519", at: fixture.sshFolder.appendingPathComponent("id_ed25519"), authorized: false)
        let ecdsa = try fixture.makeKey("ecdsa", at: fixture.sshFolder.appendingPathComponent("id_ecdsa"), authorized: false)
        let agentKey = try fixture.makeKey("ed25519", at: notebook.base.appendingPathComponent("keys/agent_ed25519"), authorized: false)
        let agent = try SSHAgent()
        defer { agent.stop() }
        try agent.add(privateKey: agentKey)
        // A key the server does accept, for nobody here: the server really checks keys.
        try fixture.makeKey("ed25519", at: notebook.base.appendingPathComponent("keys/authorized"), authorized: true)

        let result = try notebook.hearth(["sync", "--accept-new-host"], environment: ["SSH_AUTH_SOCK": agent.socket.path])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("ssh authentication as 'root'"), "\(result)")
        #expect(result.stderr.contains("after trying ssh-agent, ~/.ssh/id_ed25519, ~/.ssh/id_ecdsa"), "\(result)")
        #expect(result.stderr.contains("~/.ssh/id_rsa (no such file)"), "\(result)")
        #expect(try fixture.remoteHead() == nil)

        let log = fixture.server.settledLog()
        let attempts = SSHNotebook.publicKeyAttempts(in: log)
        #expect(attempts.count == 3, "\(log)")
        for key in [agentKey, ed25519, ecdsa] {
            let fingerprint = try SSHKeys.fingerprint(of: key.appendingPathExtension("pub"))
            #expect(attempts.filter { $0.contains(fingerprint) }.count == 1, "\(fingerprint): \(attempts)")
        }
        for key in [ed25519, ecdsa, agentKey] {
            #expect(!(try SSHNotebook.secretLines(of: key)).contains { result.stdout.contains($0) || result.stderr.contains($0) })
        }
    }

    @Test func aPassphraseProtectedKeyIsNotOfferedAndTheErrorSaysToUseTheAgent() throws {
        let fixture = try SSHNotebook()
        let notebook = fixture.notebook
        let key = fixture.sshFolder.appendingPathComponent("id_ed25519")
        try SSHKeys.generate(type: "ed25519", at: key, passphrase: "correct horse")
        try fixture.server.authorize(publicKey: key.appendingPathExtension("pub"))

        let result = try notebook.hearth("sync", "--accept-new-host")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("~/.ssh/id_ed25519 (protected by a passphrase"), "\(result)")
        #expect(result.stderr.contains("ssh-add"), "\(result)")
        #expect(SSHNotebook.publicKeyAttempts(in: fixture.server.settledLog()).isEmpty)
        #expect(try fixture.remoteHead() == nil)
    }

    private func permissions(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int ?? -1) & 0o777
    }
}
