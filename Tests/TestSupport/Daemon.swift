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
    /// The child's process id.
    public let pid: pid_t
    private var reaped = false

    /// Starts `executable` (an absolute path) with `arguments` and exactly `environment`.
    public init(_ executable: String, _ arguments: [String], environment: [String: String]) throws {
        pid = try ChildSpawn.start(executable, arguments, environment: environment)
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
