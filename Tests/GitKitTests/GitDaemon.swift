import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `git daemon` serving the bare repositories under one folder over git:// on 127.0.0.1, with
/// pushes allowed. Unlike a path or file:// remote (which libgit2 writes to directly), it runs
/// the real `git receive-pack`, so hooks and `receive.*` settings apply as on a server.
final class GitDaemon {
    /// The TCP port the daemon listens on.
    let port: Int
    private let process: Process

    /// Starts the daemon for `basePath` and waits until it accepts connections. The port is
    /// found free and then handed to the daemon, so another test can take it in between; the
    /// daemon then fails to bind and exits, and a new port is tried.
    init(basePath: URL, home: URL) throws {
        var attempt = 0
        while true {
            attempt += 1
            let port = try Self.freePort()
            let process = Self.makeProcess(port: port, basePath: basePath, home: home)
            try process.run()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, !Self.accepts(port: port), Date() < deadline { usleep(20_000) }
            // Still running a moment after the port answers: it is this daemon that answers.
            usleep(50_000)
            if process.isRunning, Self.accepts(port: port) {
                self.port = port
                self.process = process
                return
            }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            guard attempt < 5 else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "git daemon did not start (last port \(port))"])
            }
        }
    }

    private static func makeProcess(port: Int, basePath: URL, home: URL) -> Process {
        let process = Process()
        // The daemon binary itself: the `git` wrapper would run it as a child and not pass on SIGTERM.
        process.executableURL = URL(fileURLWithPath: "/usr/lib/git-core/git-daemon")
        process.arguments = [
            "--reuseaddr", "--listen=127.0.0.1", "--port=\(port)", "--export-all",
            "--enable=receive-pack", "--informative-errors",
            "--base-path=\(basePath.path(percentEncoded: false))", basePath.path(percentEncoded: false),
        ]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": home.path(percentEncoded: false), "GIT_CONFIG_NOSYSTEM": "1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }

    deinit { stop() }

    /// The git:// URL of the repository `name` under the base path.
    func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name)" }

    /// Stops the daemon (and waits for it).
    func stop() {
        guard process.isRunning else { return }
        // SIGKILL, not terminate(): the daemon inherits the test runner's signal mask, in
        // which SIGTERM can be blocked, and would then outlive the test.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// A port the kernel just handed out, released again for the daemon to take.
    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something listens on 127.0.0.1:`port`.
    private static func accepts(port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
