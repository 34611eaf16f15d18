import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A running `hearth watch`, started with `posix_spawn` like ``Daemon`` (Foundation's `Process`
/// hangs the test run's child reaping for long-lived children), but with stdout and stderr going
/// to a log file the test reads while it runs. Stopped with SIGKILL and reaped when the value
/// goes away, if the test has not stopped it itself.
final class WatchProcess {
    let pid: pid_t
    /// Where stdout and stderr go, in the order written.
    let logFile: URL
    private var exitStatus: Int32?

    /// Starts the built `hearth` with `arguments` in `directory`, with `notebook`'s environment.
    init(_ notebook: TemporaryNotebook, _ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:]) throws {
        let binary = try #require(HearthBinary.url, "no built hearth next to the test bundle; run `swift build` first")
        logFile = notebook.base.appendingPathComponent("watch-\(UUID().uuidString).log")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logFile.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // `-C`: posix_spawn's chdir action is not in every libc.
        let argv = ([binary.path, "-C", (directory ?? notebook.root).path] + arguments).map { strdup($0) } + [nil]
        let envp = notebook.environment(extra).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // A clean signal mask and default actions, as a shell would give it (see Daemon).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let result = posix_spawn(&pid, binary.path, &actions, &attributes, argv, envp)
        guard result == 0 else { throw SetupFailure(message: "cannot start hearth watch: \(String(cString: strerror(result)))") }
        self.pid = pid
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        }
    }

    /// Everything written so far.
    var log: String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    }

    /// The log's lines.
    var lines: [String] {
        log.split(separator: "\n").map(String.init)
    }

    /// Whether the process is still running (reaping it when it has exited).
    var isRunning: Bool {
        guard exitStatus == nil else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            // WIFEXITED: the low 7 bits are zero; then the code is in the next byte.
            exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            return false
        }
        return true
    }

    /// Waits until `condition` holds, polling every 50 ms; false when `seconds` pass first.
    @discardableResult
    func waitUntil(seconds: TimeInterval = 20, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try condition()
    }

    /// Waits until the log has a line containing `text`.
    @discardableResult
    func waitForLine(containing text: String, seconds: TimeInterval = 20) -> Bool {
        waitUntil(seconds: seconds) { log.contains(text) }
    }

    /// Sends `signal` and waits up to `seconds` for the process to exit; its exit code (128 +
    /// signal number when a signal ended it), nil when it did not exit in time.
    func stop(with signal: Int32 = SIGTERM, seconds: TimeInterval = 20) -> Int32? {
        kill(pid, signal)
        guard waitUntil(seconds: seconds, { !isRunning }) else { return nil }
        return exitStatus
    }
}
