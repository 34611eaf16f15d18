import Foundation
import Glibc

/// A child process, the one way the tests start programs: `hearth`, git, ssh tools, tmux, and
/// daemons (sshd, ssh-agent, git daemon, an https server, `hearth watch`).
///
/// Started with `posix_spawn` rather than Foundation's `Process`: on Linux, `Process` learns that
/// a child exited when an inherited socket closes, then blocks in `waitpid` for it on the one
/// thread that reaps every child. A daemon closes inherited descriptors at startup, so that
/// thread would wait for the daemon forever and no other `Process` in the run would finish.
///
/// The child gets what a shell gives a command: an empty signal mask and default signal actions
/// (the spawning thread may be one of libdispatch's, which block every signal), stdin from
/// /dev/null, and no descriptor beyond 0, 1 and 2 (the test runner's files and other children's
/// pipes stay out). It is reaped only here, so a signal sent through ``signal(_:)`` can never
/// reach a process that reused the pid. When the value goes away, a child still running gets
/// SIGKILL and is reaped.
///
/// Linux only, as the tests are (docs/architecture.md): `pipe2` and glibc's
/// `posix_spawn_file_actions_addclosefrom_np`.
public final class ChildProcess {
    /// Where the child's stdout or stderr goes.
    public enum Output {
        /// /dev/null.
        case discard
        /// Appended to the file at this path, created when missing.
        case appendToFile(String)
        /// A pipe whose read end is ``stdoutPipe`` or ``stderrPipe``.
        case pipe
        /// For stderr only: the same place as stdout, so the order of the two is kept.
        case sameAsStdout
    }

    /// How a reaped child ended.
    public enum Termination: Equatable, Sendable {
        /// It exited with this code.
        case exited(Int32)
        /// A signal (this number) ended it.
        case signalled(Int32)
        /// Something else reaped it (`waitpid` said ECHILD), so how it ended is not known.
        case lost

        /// The status as a shell reports it: the exit code, or 128 + the signal number (-1, which
        /// no exit gives, when it was lost).
        public var shellStatus: Int32 {
            switch self {
            case .exited(let code): code
            case .signalled(let signal): 128 + signal
            case .lost: -1
            }
        }
    }

    /// A child that could not be started.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The child's process id; also its process group's when it was started in a group of its own.
    public let pid: pid_t
    /// The read end of the stdout pipe, with ``Output/pipe``; closed when the value goes away.
    public let stdoutPipe: Int32?
    /// The read end of the stderr pipe, with ``Output/pipe``; closed when the value goes away.
    public let stderrPipe: Int32?
    /// How the child ended, once it has been reaped (by ``isRunning``, ``wait()`` or ``stop(grace:)``).
    public private(set) var termination: Termination?
    private let ownGroup: Bool

    /// Starts `executable` (an absolute path) with `arguments`, exactly `environment`, in
    /// `directory` (the test runner's working directory when nil). With `ownGroup`, the child
    /// leads a new process group, and ``signal(_:)`` reaches everything it started too.
    public init(_ executable: String, _ arguments: [String], environment: [String: String], directory: String? = nil,
                stdout: Output = .discard, stderr: Output = .sameAsStdout, ownGroup: Bool = false) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var parentEnds: [Int32] = []
        var childEnds: [Int32] = []
        // The child's write ends are closed here whatever happens; the read ends on failure only.
        defer { childEnds.forEach { _ = close($0) } }
        var started = false
        defer { if !started { parentEnds.forEach { _ = close($0) } } }
        func connect(_ output: Output, to target: Int32) throws -> Int32? {
            switch output {
            case .discard:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_WRONLY, 0)
            case .appendToFile(let path):
                posix_spawn_file_actions_addopen(&actions, target, path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            case .sameAsStdout:
                precondition(target == 2, "only stderr can share stdout")
                posix_spawn_file_actions_adddup2(&actions, 1, 2)
            case .pipe:
                var ends: [Int32] = [-1, -1]
                // Close-on-exec from the start, so no child another thread starts meanwhile
                // (another test's) holds a write end and keeps this pipe from ever ending.
                guard let pipe2 = Self.pipe2 else { throw Failure(description: "this libc has no pipe2") }
                guard pipe2(&ends, O_CLOEXEC) == 0 else { throw Failure(description: "cannot make a pipe: \(String(cString: strerror(errno)))") }
                parentEnds.append(ends[0])
                childEnds.append(ends[1])
                posix_spawn_file_actions_adddup2(&actions, ends[1], target)
                return ends[0]
            }
            return nil
        }
        let stdoutPipe = try connect(stdout, to: 1)
        let stderrPipe = try connect(stderr, to: 2)
        if let directory {
            guard let addChdir = Self.addChdir else { throw Failure(description: "this libc cannot set a child's working directory") }
            _ = addChdir(&actions, directory)
        }
        // Without it a daemon would inherit the runner's files and other children's pipes, and
        // hang the tests that wait for those to close: refuse rather than start it.
        guard let addClosefrom = Self.addClosefrom else {
            throw Failure(description: "this libc cannot close a child's other descriptors (posix_spawn_file_actions_addclosefrom_np needs glibc 2.34)")
        }
        _ = addClosefrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        if ownGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw Failure(description: "cannot start \(executable)\(directory.map { " in \($0)" } ?? ""): \(String(cString: strerror(result)))")
        }
        started = true
        self.pid = pid
        self.stdoutPipe = stdoutPipe
        self.stderrPipe = stderrPipe
        self.ownGroup = ownGroup
    }

    deinit {
        if termination == nil {
            signal(SIGKILL)
            wait()
        }
        for end in [stdoutPipe, stderrPipe].compactMap({ $0 }) { close(end) }
    }

    /// Whether the child is still running (reaping it if it has exited).
    public var isRunning: Bool {
        reap(blocking: false) == nil
    }

    /// Waits for the child to exit and reaps it.
    @discardableResult
    public func wait() -> Termination {
        while true {
            if let termination = reap(blocking: true) { return termination }
        }
    }

    /// Sends `signal` to the child (to its whole group when it has its own); nothing once it has
    /// been reaped, when its pid may already be another process's.
    public func signal(_ signal: Int32) {
        guard termination == nil else { return }
        kill(ownGroup ? -pid : pid, signal)
    }

    /// Sends SIGTERM, then SIGKILL if the child is still there after `grace` seconds, and reaps
    /// it. Safe to call twice.
    public func stop(grace: TimeInterval = 5) {
        signal(SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while isRunning {
            if Date() > deadline {
                signal(SIGKILL)
                wait()
                return
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// The termination, once the child has exited; waits for that with `blocking`.
    private func reap(blocking: Bool) -> Termination? {
        if let termination { return termination }
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if result == pid { break }
            if result < 0, errno == EINTR { continue }
            if result == 0 { return nil }
            // Only a child reaped elsewhere gives ECHILD. Nothing should reap these, but if
            // something does, the test that started it fails on its status, not the whole run.
            if result < 0, errno == ECHILD {
                termination = .lost
                return termination
            }
            preconditionFailure("waitpid(\(pid)) failed: \(String(cString: strerror(errno)))")
        }
        // WIFEXITED: the low 7 bits are zero, and the code is in the next byte; otherwise they
        // are the signal's number.
        termination = status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
        return termination
    }

    // `posix_spawn_file_actions_addchdir_np` (glibc 2.29), `…_addclosefrom_np` (2.34) and
    // `pipe2` are declared only for _GNU_SOURCE, which the headers Swift imports do not set, so
    // they are looked up at run time.
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addChdir = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np")
        .map { unsafeBitCast($0, to: AddChdir.self) }
    private static let pipe2 = dlsym(dlopen(nil, RTLD_NOW), "pipe2").map { unsafeBitCast($0, to: Pipe2.self) }
    private static let addClosefrom = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddClosefrom.self) }
}
