import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts a long-running child with `posix_spawn` rather than Foundation's `Process` (see
/// ``Daemon`` for why), with a clean signal mask and default signal actions, as a shell gives them.
public enum ChildSpawn {
    /// A child that could not be started.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts `executable` (an absolute path) with `arguments` and exactly `environment`; stdin
    /// reads /dev/null, stdout and stderr go to `output` (appended to, created when missing) or
    /// to /dev/null. Returns the child's pid; the caller reaps it.
    public static func start(_ executable: String, _ arguments: [String], environment: [String: String], output: String? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output ?? "/dev/null", output == nil ? O_WRONLY : O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The child inherits the spawning thread's signal mask, and libdispatch's threads block
        // every signal: without a clean mask the child would never see SIGTERM.
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
        return pid
    }
}
