import ArgumentParser
import Foundation
import NoteKit
import SyncKit

/// `hearth watch [REMOTE] [--interval SECONDS] [--quiet SECONDS]`: hands-off sync.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Keep syncing: commit and sync soon after files change, and every --interval seconds.",
        discussion: """
            Runs until stopped (Ctrl-C, SIGTERM or SIGHUP; a sync under way finishes first, and a second \
            signal ends it at once: the next sync finishes what it left). A change under \
            the notebook is synced once files have been quiet for --quiet seconds, so a burst of \
            saves makes one commit; every --interval seconds a sync brings in what other devices \
            sent. Watching never opens or locks your files (inotify on Linux, else a stat \
            fingerprint polled every second), and a file saved during a sync is kept and goes out \
            with the next one. Prints one line per sync that did something; a sync \
            that fails (the network is away, say) prints one line on stderr and is retried after \
            1 s, 2 s, 4 s ... up to the interval (at most a minute). While another hearth sync holds \
            the notebook, rounds are skipped with the same growing pauses (one line when that starts, \
            one when it ends). Maintenance too big to run within a sync runs when watch is idle, \
            at most every 10 minutes, and is logged. If the notebook's folder is moved or deleted, watch ends with exit 1; \
            if stdout is closed, it stops with exit 141.
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
        // A closed stdout (`hearth watch | head -1`) is seen as EPIPE by the next write and stops
        // the watcher cleanly, rather than killing it wherever it is.
        signal(SIGPIPE, SIG_IGN)

        let notebook = try global.notebook()
        let network = SyncNetwork(timeout: try timeout.seconds(notebook: notebook.root))
        var syncOptions = SyncOptions(remote: remote, network: network)
        let hook = WatchCommand.checkpointHook()
        syncOptions.checkpoint = hook
        syncOptions.transferCheckpoint = hook
        syncOptions.passphrase = RemotePassphrase.whenNeeded
        syncOptions.removedStaleRemoteLock = { Self.write("\(Self.timestamp()) \(StaleRemoteLockNote.text($0))\n", to: 2) }
        let options = WatchOptions(quiet: quiet, interval: interval, forcePolling: poll, restartAfterGrowth: Int(restartAfter * 1_048_576))
        let verbose = verbose
        let stopHint = Self.stopHint(stopSignals.signals)
        let watcher = try NotebookWatcher(root: notebook.root, options: options, syncOptions: syncOptions) { event in
            WatchCommand.log(event, verbose: verbose, stopHint: stopHint, stopSignals: stopSignals)
        }
        stopSignals.notify({ watcher.stop() }, again: { number in
            // Syncs are safe to kill at any point (the next one finishes an interrupted one), so
            // a second stop signal ends a sync stuck on the network without waiting for it.
            Self.write("\(Self.timestamp()) stopping now; the next sync finishes the interrupted one\n", to: 2)
            _exit(128 + number)
        })
        var restarting = true
        while true {
            let memory: (() -> Int?)? = restarting ? { ResidentMemory.current() } : nil
            switch watcher.run(residentMemory: memory) {
            case .stopped:
                // Directly: hearth's error handling maps every ExitCode but 0 and 2 to 1.
                if stopSignals.outputClosed { Foundation.exit(Self.outputClosedStatus) }
                return
            case .notebookGone:
                throw ExitCode.failure
            case .restart:
                guard stopSignals.beginRestart() else {
                    WatchCommand.log(.stopped, verbose: verbose, stopHint: stopHint, stopSignals: stopSignals)
                    if stopSignals.outputClosed { Foundation.exit(Self.outputClosedStatus) }
                    return
                }
                let reason = restart(root: notebook.root)
                // Still here: exec failed. Go on watching in this process, without restarting again.
                stopSignals.restartFailed()
                Self.write("\(Self.timestamp()) cannot restart (\(reason)); going on as is\n", to: 2)
                restarting = false
            }
        }
    }

    /// The exit status when the watcher stopped because its stdout was closed: 141 (128 +
    /// SIGPIPE), what a shell reports for any program a closed pipe ends, so that
    /// `set -o pipefail` scripts see it as they would see `yes | head -1`.
    static let outputClosedStatus: Int32 = 141

    /// How to stop the watcher, for the start line: nothing when every stop signal is ignored.
    private static func stopHint(_ signals: [Int32]) -> String? {
        if signals.contains(SIGINT) { return "Ctrl-C stops" }
        if signals.contains(SIGTERM) { return "kill \(getpid()) stops" }
        return nil
    }

    /// Whether `number` was ignored when the process started.
    private static func isIgnored(_ number: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(number, nil, &current) == 0 else { return false }
        return unsafeBitCast(current.handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// Replaces this process with a fresh `hearth watch` on the same notebook with the same
    /// options (same pid, same output; the stop signals stay blocked, and pending if one
    /// arrived meanwhile); returns only when that fails, with the reason.
    private func restart(root: URL) -> String {
        guard let program = Self.executablePath else { return "this program's path is unknown" }
        var arguments = ["hearth", "-C", root.path, "watch", "--interval", String(interval), "--quiet", String(quiet),
                         "--restart-after", String(restartAfter)]
        if poll { arguments.append("--poll") }
        if verbose { arguments.append("--verbose") }
        if let seconds = timeout.timeout { arguments += ["--timeout", String(seconds)] }
        if let remote { arguments.append(remote) }
        let argv = arguments.map { strdup($0) } + [nil]
        execv(program, argv)
        let reason = String(cString: strerror(errno))
        argv.forEach { free($0) }
        return reason
    }

    /// Writes one line for `event`: successes on stdout, failures on stderr, each with the time.
    /// A closed stdout asks the watcher to stop (see ``outputClosedStatus``).
    private static func log(_ event: WatchEvent, verbose: Bool, stopHint: String?, stopSignals: StopSignals) {
        guard verbose || event.isNoteworthy else { return }
        // What the syncs did is the command's output; failures and its own comings and goings
        // are messages, on stderr.
        let stream: Terminal
        switch event {
        case .maintained where event.isFailure: stream = .standardError
        case .synced, .nothingToCommit, .maintained: stream = .standardOutput
        case .started, .skipped, .resumed, .pollingInstead, .notebookGone, .failed, .stopping, .stopped, .restarting:
            stream = .standardError
        }
        var text = event.logLine
        if case .started = event, let stopHint { text += "; " + stopHint }
        if event.isFailure {
            text = stream.paint(text, .red)
        } else if case .synced(let report, _) = event, !report.newConflicts.isEmpty {
            text = stream.paint(text, .yellow)
        }
        if !write("\(timestamp()) \(text)\n", to: stream.fileDescriptor), errno == EPIPE, stream.fileDescriptor == 1, !stopSignals.outputClosed {
            stopSignals.requestStop(outputClosed: true)
            write("\(timestamp()) standard output was closed; stopping\n", to: 2)
        }
    }

    /// Writes all of `text` to `descriptor` with write(2) (FileHandle traps on EPIPE); false on
    /// failure, with `errno` set. The one stderr writer outside ``Diagnostics``: the watch log
    /// must see a closed stdout as EPIPE (to stop), and runs while stop signals arrive.
    @discardableResult
    private static func write(_ text: String, to descriptor: Int32) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            bytes = bytes.dropFirst(written)
        }
        return true
    }

    /// The local time, to the second: "2026-11-22T17:30:01+01:00".
    private static func timestamp() -> String {
        ISOTimestamp.string(Date(), in: .current)
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

/// write(2): at file scope `write` is the C library's, not ``WatchCommand/write(_:to:)``.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
