import Foundation

/// Runs the editor the way git's run-command does: in hearth's own process group, so it is in the
/// terminal's foreground with hearth and may read and set up the terminal, with stdin, stdout and
/// stderr inherited, and waits for it.
///
/// Foundation's `Process` puts the child in a process group of its own; at a terminal that group
/// is in the background, the kernel stops vim (SIGTTOU/SIGTTIN) and hearth waits forever.
enum EditorLaunch {
    /// Starts `arguments` (program first; looked up in `PATH` when `searchesPath`) and waits for it.
    /// While it runs, hearth ignores SIGINT and SIGQUIT, so Ctrl-C at the terminal reaches the
    /// editor alone and hearth is still there to report how it ended; Ctrl-Z stops the whole
    /// foreground group (hearth waits, stopped, with the editor) and `fg` resumes both.
    static func run(_ arguments: [String], searchesPath: Bool) -> EditorExit {
        // The path hearth printed must reach the terminal before the editor takes it over.
        fflush(nil)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // Ignored before the spawn, so a Ctrl-C a moment after the editor starts cannot end hearth.
        let previous = [SIGINT, SIGQUIT].map { (signal: $0, action: ignore($0)) }
        defer { previous.forEach { restore($0.signal, $0.action) } }

        var attributes = newSpawnAttributes()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // No POSIX_SPAWN_SETPGROUP or SETSID: the editor must stay in the foreground group. It
        // gets a clean signal mask, and SIGINT and SIGQUIT as hearth had them before it ignored
        // them (ignored signals survive exec); one ignored from the start stays ignored, as git
        // leaves it.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for (signal, action) in previous where !isIgnore(action) { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid = pid_t()
        let started = searchesPath
            ? posix_spawnp(&pid, arguments[0], nil, &attributes, argv, envp)
            : posix_spawn(&pid, arguments[0], nil, &attributes, argv, envp)
        guard started == 0 else { return .couldNotStart(errno: started) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return .lost(errno: errno) }
        }
        return EditorExit(waitStatus: status)
    }

    private static func ignore(_ signal: Int32) -> sigaction {
        var ignored = sigaction()
        ignored.handler = SIG_IGN
        sigemptyset(&ignored.sa_mask)
        var previous = sigaction()
        sigaction(signal, &ignored, &previous)
        return previous
    }

    private static func isIgnore(_ action: sigaction) -> Bool {
        unsafeBitCast(action.handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    private static func restore(_ signal: Int32, _ previous: sigaction) {
        var previous = previous
        sigaction(signal, &previous, nil)
    }
}
