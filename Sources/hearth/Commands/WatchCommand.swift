import ArgumentParser
import Foundation
import GitKit
import SyncKit

/// `hearth watch [REMOTE] [--interval SECONDS] [--quiet SECONDS]`: hands-off sync.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Keep syncing: commit and sync soon after files change, and every --interval seconds.",
        discussion: """
            Runs until stopped (Ctrl-C, SIGTERM or SIGHUP; a sync under way finishes first). A change under \
            the notebook is synced once files have been quiet for --quiet seconds, so a burst of \
            saves makes one commit; every --interval seconds a sync brings in what other devices \
            sent. Watching never opens or locks your files (inotify on Linux, else a stat \
            fingerprint polled every second), and a file saved during a sync is kept and goes out \
            with the next one. Prints one line per sync that did something; a sync \
            that fails (the network is away, say) prints one line on stderr and is retried after \
            1 s, 2 s, 4 s ... up to the interval (at most a minute). A round in which another \
            hearth sync holds the notebook is skipped.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The remote to sync with (default: the branch's upstream, else origin).")
    var remote: String?

    @Option(help: ArgumentHelp("Seconds between syncs when nothing changes here.", valueName: "SECONDS"))
    var interval: Double = 60

    @Option(help: ArgumentHelp("Seconds files must stay unchanged before a change is synced.", valueName: "SECONDS"))
    var quiet: Double = 2

    @Flag(help: "Look for changes by polling file stats every second, even where inotify is available.")
    var poll = false

    @Flag(name: .shortAndLong, help: "Also log syncs that found nothing to do.")
    var verbose = false

    @OptionGroup var timeout: TimeoutOption

    // Megabytes the process may grow by before it restarts itself (see ResidentMemory); hidden:
    // a workaround for a libgit2 leak, set small only by the tests.
    @Option(help: .hidden)
    var restartAfter: Double = 256

    func validate() throws {
        guard interval > 0, interval.isFinite else {
            throw ValidationError("--interval \(Self.format(interval)) is not a positive number of seconds (say --interval 60)")
        }
        guard quiet >= 0, quiet.isFinite else {
            throw ValidationError("--quiet \(Self.format(quiet)) is not a number of seconds, 0 or more (say --quiet 2)")
        }
        guard restartAfter > 0, restartAfter.isFinite else {
            throw ValidationError("--restart-after \(Self.format(restartAfter)) is not a positive number of megabytes")
        }
    }

    func run() throws {
        // Ctrl-C, kill and a closed terminal stop the watcher between syncs, never mid-sync: see
        // StopSignals. A signal this process was started ignoring (nohup, a shell's background
        // job) stays ignored.
        let stopSignals = StopSignals([SIGINT, SIGTERM, SIGHUP].filter { !Self.isIgnored($0) })

        let notebook = try global.notebook()
        // As hearth sync: a relative remote URL means relative to the notebook's root.
        _ = FileManager.default.changeCurrentDirectoryPath(notebook.root.path)
        let network = NetworkOptions(progress: nil, timeout: try timeout.seconds(notebook: notebook.root))
        var syncOptions = SyncOptions(remote: remote, network: network)
        let hook = WatchCommand.checkpointHook()
        syncOptions.checkpoint = hook
        syncOptions.transferCheckpoint = hook
        var restartAfterGrowth: Int? = Int(restartAfter * 1_048_576)
        let verbose = verbose
        while true {
            let options = WatchOptions(quiet: quiet, interval: interval, forcePolling: poll, restartAfterGrowth: restartAfterGrowth)
            let watcher = try NotebookWatcher(root: notebook.root, options: options, syncOptions: syncOptions) { event in
                WatchCommand.log(event, verbose: verbose)
            }
            stopSignals.notify { watcher.stop() }
            guard watcher.run() == .restart else { return }
            guard !stopSignals.arePending else {
                WatchCommand.log(.stopped, verbose: verbose)
                return
            }
            let reason = restart(root: notebook.root)
            // Still here: exec failed. Go on watching in this process, without restarting again.
            Terminal.standardError.write("\(Self.timestamp()) cannot restart (\(reason)); going on as is\n")
            restartAfterGrowth = nil
        }
    }

    /// Whether `number` was ignored when the process started.
    private static func isIgnored(_ number: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(number, nil, &current) == 0 else { return false }
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// Replaces this process with a fresh `hearth watch` on the same notebook with the same
    /// options (same pid, same output; the stop signals stay blocked, and pending if one
    /// arrived meanwhile); returns only when that fails, with the reason.
    private func restart(root: URL) -> String {
        var arguments = ["hearth", "-C", root.path, "watch", "--interval", String(interval), "--quiet", String(quiet),
                         "--restart-after", String(restartAfter)]
        if poll { arguments.append("--poll") }
        if verbose { arguments.append("--verbose") }
        if let seconds = timeout.timeout { arguments += ["--timeout", String(seconds)] }
        if let remote { arguments.append(remote) }
        let argv = arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", argv)
        let reason = String(cString: strerror(errno))
        argv.forEach { free($0) }
        return reason
    }

    /// Writes one line for `event`: successes on stdout, failures on stderr, each with the time.
    private static func log(_ event: WatchEvent, verbose: Bool) {
        guard verbose || event.isNoteworthy else { return }
        // What the syncs did is the command's output; failures and its own comings and goings
        // are messages, on stderr.
        let stream: Terminal
        switch event {
        case .synced, .nothingToCommit: stream = .standardOutput
        case .started, .skipped, .failed, .stopping, .stopped, .restarting: stream = .standardError
        }
        var text = event.summary
        if event.isFailure {
            text = stream.paint(text, .red)
        } else if case .synced(let report, _) = event, !report.newConflicts.isEmpty {
            text = stream.paint(text, .yellow)
        }
        stream.write("\(timestamp()) \(text)\n")
    }

    /// The local time, to the second: "2026-11-22T17:30:01+01:00".
    private static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        return formatter.string(from: Date())
    }

    /// `hearth sync`'s checkpoint hook (`HEARTH_SYNC_TRACE`, `HEARTH_SYNC_ABORT_AT`), plus
    /// `HEARTH_WATCH_HOLD_AT=<checkpoint>`, which holds each sync there for a second so the tests
    /// can stop the watcher while a sync is under way.
    private static func checkpointHook() -> (@Sendable (SyncCheckpoint) -> Void)? {
        let sync = SyncCheckpointHook.fromEnvironment()
        guard let name = ProcessInfo.processInfo.environment["HEARTH_WATCH_HOLD_AT"], !name.isEmpty else { return sync }
        return { checkpoint in
            sync?(checkpoint)
            if checkpoint.rawValue == name { Thread.sleep(forTimeInterval: 1) }
        }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && value.isFinite ? String(Int(value)) : String(value)
    }
}
