import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A long-running child (sshd, ssh-agent) started with `posix_spawn` rather than Foundation's
/// `Process`: on Linux, `Process` learns that a child exited when an inherited socket closes,
/// then blocks in `waitpid` for it on the one thread that reaps every child. Daemons close
/// inherited descriptors at startup, so that thread would wait for the daemon forever and no
/// other `Process` in the test run (every `hearth` the tests start) would ever finish.
/// Output goes to /dev/null; the daemon is stopped and reaped by ``stop()`` or when the value goes away.
public final class Daemon {
    /// A daemon that could not be started.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The child's process id.
    public let pid: pid_t
    private var reaped = false

    /// Starts `executable` (an absolute path) with `arguments` and exactly `environment`.
    public init(_ executable: String, _ arguments: [String], environment: [String: String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The child inherits the spawning thread's signal mask, and libdispatch's threads block
        // every signal: without a clean mask the daemon would never see SIGTERM.
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
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    deinit { stop() }

    /// Whether the child is still running (reaping it if it has exited).
    public var isRunning: Bool {
        guard !reaped else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            reaped = true
            return false
        }
        return true
    }

    /// Sends SIGTERM, then SIGKILL if the child is still there after 5 seconds, and reaps it.
    /// Safe to call twice.
    public func stop() {
        guard !reaped else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while isRunning {
            if Date() > deadline {
                kill(pid, SIGKILL)
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                reaped = true
                return
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }
}
