import Foundation
import SyncKit

/// Starts the maintenance a sync deferred (``SyncMaintenance/isDeferred``) as a process of its
/// own, `hearth maintenance --after-sync REMOTE`, the way git detaches `gc --auto`: in a session of its
/// own (no terminal, so Ctrl-C and a closed terminal do not reach it), stdin from `/dev/null`,
/// stdout and stderr appended to ``Syncer/maintenanceLog``, no other descriptor of the sync's,
/// not waited for. The sync exits at
/// once. It is never run twice at a time: the run takes the sync lock and gives up quietly when
/// it is taken.
enum BackgroundMaintenance {
    /// The log is started afresh once it has grown past this, when the next run starts.
    static let logLimit = 256 * 1024

    /// Starts the run for the notebook at `root` and the remote the sync used (nil: the
    /// default one), logging to `log`; its pid, or why it could not start.
    static func start(root: URL, remote: String?, log: URL) -> Result<pid_t, StartFailure> {
        guard let program = WatchCommand.executablePath else { return .failure(StartFailure(reason: "this program's path is unknown")) }
        let logPath = log.path(percentEncoded: false)
        try? FileManager.default.createDirectory(at: log.deletingLastPathComponent(), withIntermediateDirectories: true)
        let size = (try? FileManager.default.attributesOfItem(atPath: logPath))?[.size] as? Int ?? 0
        let arguments = ["hearth", "-C", root.path(percentEncoded: false), "maintenance", "--after-sync", remote ?? ""]
        let argv = arguments.map { strdup($0) } + [nil]
        // The passphrases stay with this process: a maintenance never opens an encrypted remote.
        let envp = ProcessInfo.processInfo.environment.filter { !["HEARTH_PASSPHRASE", "HEARTH_NEW_PASSPHRASE"].contains($0.key) }
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        var actions = newFileActions()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND | (size > logLimit ? O_TRUNC : 0), 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of the sync's: a descriptor it inherited without close-on-exec (the pipe
        // of an `ssh host hearth sync`, of a CI step) would keep its reader waiting for the run.
        let closingFlags = closingOtherDescriptors(&actions)

        var attributes = EditorLaunch.newSpawnAttributes()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A clean signal mask, and the signals a command may have set aside back to their defaults.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | newSessionFlag | closingFlags)

        var pid = pid_t()
        let started = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        guard started == 0 else { return .failure(StartFailure(reason: String(cString: strerror(started)))) }
        return .success(pid)
    }

    /// Why the background run could not start.
    struct StartFailure: Error {
        var reason: String
    }
}
