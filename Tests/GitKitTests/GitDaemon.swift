import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `git daemon` serving the bare repositories under one folder over git:// on 127.0.0.1, with
/// pushes allowed. Unlike a path or file:// remote (which libgit2 writes to directly), it runs
/// the real `git receive-pack`, so hooks and `receive.*` settings apply as on a server.
final class GitDaemon {
    /// The TCP port the daemon listens on.
    let port: Int
    private let process: ChildProcess

    /// Starts the daemon for `basePath` and waits until it accepts connections. The port is
    /// found free and then handed to the daemon, so another test can take it in between; the
    /// daemon then fails to bind and exits, and a new port is tried.
    init(basePath: URL, home: URL) throws {
        var attempt = 0
        while true {
            attempt += 1
            let port = try LocalPort.free()
            let process = try Self.start(port: port, basePath: basePath, home: home)
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, !LocalPort.accepts(port), Date() < deadline { usleep(20_000) }
            // Still running a moment after the port answers: it is this daemon that answers.
            usleep(50_000)
            if process.isRunning, LocalPort.accepts(port) {
                self.port = port
                self.process = process
                return
            }
            process.signal(SIGKILL)
            process.wait()
            guard attempt < 5 else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "git daemon did not start (last port \(port))"])
            }
        }
    }

    private static func start(port: Int, basePath: URL, home: URL) throws -> ChildProcess {
        // The daemon binary itself: the `git` wrapper would run it as a child and not pass on SIGTERM.
        try ChildProcess("/usr/lib/git-core/git-daemon", [
            "--reuseaddr", "--listen=127.0.0.1", "--port=\(port)", "--export-all",
            "--enable=receive-pack", "--informative-errors",
            "--base-path=\(basePath.path(percentEncoded: false))", basePath.path(percentEncoded: false),
        ], environment: ["PATH": "/usr/bin:/bin", "HOME": home.path(percentEncoded: false), "GIT_CONFIG_NOSYSTEM": "1"])
    }

    deinit { stop() }

    /// The git:// URL of the repository `name` under the base path.
    func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name)" }

    /// Stops the daemon (and waits for it).
    func stop() {
        process.stop()
    }
}
