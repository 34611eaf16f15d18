import Foundation
import TestSupport
import Testing

/// A notebook with an entry whose `origin` is a bare repository served by a real sshd:
/// `ssh://root@127.0.0.1:PORT/…/remote.git`. The test's HOME starts without `.ssh`.
final class SSHNotebook {
    let notebook: TemporaryNotebook
    let server: SSHServer
    /// The bare repository, as a path on the (local) server.
    var remote: URL { notebook.base.appendingPathComponent("remote.git") }
    /// The remote's ssh URL.
    var url: String { "ssh://root@127.0.0.1:\(server.port)\(remote.path)" }
    /// `~/.ssh` of the test's HOME.
    var sshFolder: URL { notebook.home.appendingPathComponent(".ssh", isDirectory: true) }
    /// `~/.ssh/known_hosts` of the test's HOME.
    var knownHosts: URL { sshFolder.appendingPathComponent("known_hosts") }
    /// How known_hosts names the server.
    var hostName: String { "[127.0.0.1]:\(server.port)" }

    init() throws {
        server = try SSHServer()
        notebook = try TemporaryNotebook(initialized: true)
        try notebook.git("init", "-q", "--bare", "--initial-branch=main", remote.path).requireSuccess()
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("remote", "add", "origin", url).requireSuccess()
    }

    /// Creates a key pair at `privateKey` and, with `authorized`, lets it log in.
    @discardableResult
    func makeKey(_ type: String, at privateKey: URL, authorized: Bool) throws -> URL {
        try SSHKeys.generate(type: type, at: privateKey)
        if authorized { try server.authorize(publicKey: privateKey.appendingPathExtension("pub")) }
        return privateKey
    }

    /// The server's host key fingerprint as `ssh-keygen -lf` prints it.
    func hostFingerprint() throws -> String {
        try SSHKeys.fingerprint(of: server.hostPublicKey)
    }

    /// The host key's "type base64" part, as a known_hosts line holds it.
    func hostKeyFields() throws -> String {
        let text = String(decoding: try Data(contentsOf: server.hostPublicKey), as: UTF8.self)
        return text.split(separator: " ").prefix(2).joined(separator: " ")
    }

    /// The remote's commit for `main`, or nil when it has none.
    func remoteHead() throws -> String? {
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/git"), ["-C", remote.path, "rev-parse", "--verify", "-q", "refs/heads/main"],
                                           in: notebook.base, environment: notebook.environment())
        return result.status == 0 ? result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    /// The base64 body lines of a private key file: what must never be printed.
    static func secretLines(of privateKey: URL) throws -> [String] {
        String(decoding: try Data(contentsOf: privateKey), as: UTF8.self)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("-----") && $0.count > 16 }
    }

    /// Publickey authentication attempts in sshd's log: accepted, refused, and refused for
    /// their signature algorithm (which sshd reports without a "Failed publickey" line).
    static func publicKeyAttempts(in log: String) -> [String] {
        log.split(whereSeparator: \.isNewline).map(String.init).filter {
            $0.contains("Accepted publickey for ") || $0.contains("Failed publickey for ")
                || $0.contains("userauth_pubkey: signature algorithm")
        }
    }
}
