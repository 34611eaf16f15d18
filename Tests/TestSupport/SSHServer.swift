import Foundation

/// A real OpenSSH server (`/usr/sbin/sshd`, from openssh-server) on 127.0.0.1 (or in a network
/// namespace, ``NetworkLab``) for one test: its own folder with a fresh ed25519 host key,
/// `sshd_config`, `authorized_keys` and log, on a free port. It accepts public keys only, for any
/// local account (tests log in as root, whose shell runs `git-upload-pack` and
/// `git-receive-pack`). Nothing outside its folder is read for authentication: `/root/.ssh` is
/// never touched. Stopped, and its folder removed, by ``stop()`` or when the value goes away.
public final class SSHServer {
    /// A server that did not come up.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The server's private folder.
    public let directory: URL
    /// The port it listens on (never 22, so known_hosts names it `[127.0.0.1]:port`).
    public let port: Int
    /// The host key's public half; `ssh-keygen -lf` on it gives the fingerprint clients see.
    public var hostPublicKey: URL { directory.appendingPathComponent("ssh_host_ed25519_key.pub") }
    /// The file `AuthorizedKeysFile` points at.
    public var authorizedKeys: URL { directory.appendingPathComponent("authorized_keys") }
    /// sshd's log (`LogLevel VERBOSE`): one line per authentication attempt.
    public var logFile: URL { directory.appendingPathComponent("sshd.log") }
    private let process: ChildProcess

    /// Generates the host key and config and starts `sshd -D`, returning once the port accepts
    /// connections. A port taken between choosing and binding it is retried with another.
    /// With a `launcher` (`ip netns exec NAME`, for a server in a network namespace of the test's
    /// own), sshd listens on `address` port 22 there, and is ready once its log says it listens.
    public init(address: String = "127.0.0.1", launcher: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hearth-sshd-\(UUID().uuidString)", isDirectory: true).resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            // sshd refuses to start without its privilege separation folder, which the
            // openssh-server package only creates when its service starts.
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
            try SSHKeys.generate(type: "ed25519", at: directory.appendingPathComponent("ssh_host_ed25519_key"), comment: "hearth-test-host")
            try Data().write(to: directory.appendingPathComponent("authorized_keys"))
            var lastLog = ""
            for _ in 0..<(launcher.isEmpty ? 5 : 1) {
                let port = launcher.isEmpty ? try LocalPort.free() : 22
                let process = try Self.start(in: directory, port: port, address: address, launcher: launcher)
                let log = launcher.isEmpty ? nil : directory.appendingPathComponent("sshd.log")
                if try Self.waitUntilListening(process, port: port, checkingLog: log) {
                    self.port = port
                    self.process = process
                    return
                }
                lastLog = (try? String(contentsOf: directory.appendingPathComponent("sshd.log"), encoding: .utf8)) ?? ""
            }
            throw Failure(description: "sshd did not start; its log:\n\(lastLog)")
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    deinit { stop() }

    /// Adds a public key file's line to `authorized_keys`.
    public func authorize(publicKey: URL) throws {
        let line = try Data(contentsOf: publicKey)
        let handle = try FileHandle(forWritingTo: authorizedKeys)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: line)
    }

    /// The log once every connection it shows has ended, so the lines about a client that just
    /// exited are all there (sshd's privileged monitor writes them slightly later); waits at most
    /// 5 seconds, then returns what there is.
    public func settledLog() -> String {
        let deadline = Date().addingTimeInterval(5)
        while true {
            let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            let lines = text.split(whereSeparator: \.isNewline)
            let opened = lines.filter { $0.contains("Connection from ") }.count
            let closed = lines.filter { $0.contains("Connection closed by ") || $0.contains("Disconnected from ") }.count
            if closed >= opened || Date() > deadline { return text }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Stops sshd (SIGTERM, then waits for it) and removes its folder. Safe to call twice.
    public func stop() {
        process.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    private static func start(in directory: URL, port: Int, address: String, launcher: [String]) throws -> ChildProcess {
        let config = """
            Port \(port)
            ListenAddress \(address)
            HostKey \(directory.path)/ssh_host_ed25519_key
            AuthorizedKeysFile \(directory.path)/authorized_keys
            StrictModes no
            PermitRootLogin prohibit-password
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            PermitUserRC no
            PermitUserEnvironment no
            AllowAgentForwarding no
            AllowTcpForwarding no
            X11Forwarding no
            PrintMotd no
            LogLevel VERBOSE
            PidFile none

            """
        let configFile = directory.appendingPathComponent("sshd_config")
        try Data(config.utf8).write(to: configFile)
        let logFile = directory.appendingPathComponent("sshd.log")
        try? FileManager.default.removeItem(at: logFile)
        // sshd re-executes itself for every connection, so it must be started by absolute path.
        let command = launcher + ["/usr/sbin/sshd", "-D", "-f", configFile.path, "-E", logFile.path]
        return try ChildProcess(command[0], Array(command.dropFirst()),
                          environment: ["PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "LC_ALL": "C"])
    }

    /// True once `port` accepts connections (or, `checkingLog`, for a server out of this
    /// namespace's reach, once sshd logs that it listens); false when sshd exited (port taken, bad
    /// config) or did not listen within 10 seconds (then it is stopped).
    private static func waitUntilListening(_ process: ChildProcess, port: Int, checkingLog log: URL?) throws -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if !process.isRunning { return false }
            let listening = log.map { ((try? String(contentsOf: $0, encoding: .utf8)) ?? "").contains("Server listening on") }
            if listening ?? LocalPort.accepts(port) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.stop()
        return false
    }
}
