import Foundation

/// A real `ssh-agent` for one test, listening on a socket in its own folder (pass ``socket`` as
/// `SSH_AUTH_SOCK`). Stopped, and its folder removed, by ``stop()`` or when the value goes away.
public final class SSHAgent {
    /// An agent that did not come up, or a key it refused.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The agent's socket.
    public let socket: URL
    private let directory: URL
    private let process: ChildProcess

    /// Starts `ssh-agent -D -a SOCKET` and waits until it answers there.
    public init() throws {
        // Short: a unix socket path must fit in 108 bytes.
        directory = URL(fileURLWithPath: "/tmp/hearth-agent-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        socket = directory.appendingPathComponent("agent.sock")
        do {
            process = try ChildProcess("/usr/bin/ssh-agent", ["-D", "-a", socket.path], environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C"])
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        do {
            // The socket file appears at bind(), before the agent listens: wait until `ssh-add -l`
            // reaches it (exit 1 "no identities"; 2 means it could not connect).
            let deadline = Date().addingTimeInterval(10)
            while try !answers() {
                guard process.isRunning, Date() < deadline else { throw Failure(description: "ssh-agent did not answer on \(socket.path)") }
                Thread.sleep(forTimeInterval: 0.02)
            }
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    /// Whether the agent accepts connections on its socket.
    private func answers() throws -> Bool {
        guard FileManager.default.fileExists(atPath: socket.path) else { return false }
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/ssh-add"), ["-l"], in: directory,
                                           environment: ["PATH": "/usr/bin:/bin", "SSH_AUTH_SOCK": socket.path])
        return result.status != 2
    }

    /// Loads a private key file into the agent (`ssh-add`).
    public func add(privateKey: URL) throws {
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/ssh-add"), ["-q", privateKey.path],
                                           in: directory, environment: ["PATH": "/usr/bin:/bin", "SSH_AUTH_SOCK": socket.path])
        guard result.status == 0 else { throw Failure(description: "ssh-add \(privateKey.path) failed: \(result)") }
    }

    /// Stops the agent and removes its folder. Safe to call twice.
    public func stop() {
        process.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
