import Foundation
import GitKit

/// `hearth watch`: keeps a notebook synced without being asked. It syncs once at the start,
/// then whenever files under the notebook have changed and stayed quiet for
/// ``WatchOptions/quiet`` seconds, and every ``WatchOptions/interval`` seconds to bring in what
/// other devices sent.
///
/// After files change it first looks whether anything is left to commit (``LocalChanges``):
/// the files a sync writes itself are committed already, so they never start another sync.
/// A failed sync is retried after a delay that doubles up to ``WatchOptions/maxRetryDelay``; a
/// round that finds another sync holding the lock is skipped and retried shortly. ``stop()``
/// (from a signal handler's queue, say) lets a sync under way finish, then ``run()`` returns.
public final class NotebookWatcher: @unchecked Sendable {
    /// The notebook's root.
    public let root: URL
    private let options: WatchOptions
    private var syncOptions: SyncOptions
    private let detector: any ChangeDetector
    private let report: @Sendable (WatchEvent) -> Void
    private let state = NSLock()
    private var stopRequested = false
    private var syncing = false

    /// Prepares to watch the notebook at `root`; nothing happens until ``run()``.
    ///
    /// - Parameters:
    ///   - syncOptions: how each sync runs (remote, network); its lock wait is replaced by
    ///     ``WatchOptions/lockWait``.
    ///   - report: called with every event, from the thread running ``run()`` (and ``stop()``'s
    ///     caller for ``WatchEvent/stopping``).
    /// - Throws: ``SyncError`` when `root` is not a notebook with a git repository, or the
    ///   remote asked for is not configured: retrying could not help.
    public init(root: URL, options: WatchOptions, syncOptions: SyncOptions = SyncOptions(),
                report: @escaping @Sendable (WatchEvent) -> Void) throws(SyncError) {
        // Fails early, with the sync's own messages, for a folder that is no git work tree and
        // for a remote that does not exist (or several remotes and none chosen).
        let syncer = try Syncer(root: root, options: syncOptions)
        if let branch = try? syncer.repository.currentBranchName() { _ = try syncer.chooseRemote(branch: branch) }
        self.root = syncer.root
        self.options = options
        self.syncOptions = syncOptions
        self.syncOptions.lockWait = options.lockWait
        self.report = report
        self.detector = try Self.detector(root: syncer.root, options: options)
    }

    /// Inotify on Linux unless polling is asked for or inotify cannot watch the notebook.
    private static func detector(root: URL, options: WatchOptions) throws(SyncError) -> any ChangeDetector {
        #if os(Linux)
        if !options.forcePolling, let inotify = try? InotifyChangeDetector(root: root) { return inotify }
        #endif
        return try PollingChangeDetector(root: root, every: options.pollEvery)
    }

    /// Asks ``run()`` to return: at once when waiting, after the current sync when syncing.
    /// Safe from any thread; only sets a flag and writes a byte to a pipe.
    public func stop() {
        state.lock()
        let first = !stopRequested
        stopRequested = true
        let busy = syncing
        state.unlock()
        if first && busy { report(.stopping) }
        detector.wake()
    }

    private var isStopping: Bool {
        state.lock()
        defer { state.unlock() }
        return stopRequested
    }

    /// Watches and syncs until ``stop()`` is called, or until the process has grown past
    /// ``WatchOptions/restartAfterGrowth`` (checked after each sync, so never mid-sync).
    @discardableResult
    public func run() -> WatchEnd {
        report(.started(root: root.standardizedFileURL.path, detector: detector.name, options: options))
        var nextRound = Date()
        var trigger = WatchTrigger.start
        // When to look whether changes need a sync: `quiet` after the last change seen.
        var checkAt: Date?
        var failures = 0
        var baseline: Int?
        while !isStopping {
            if let limit = options.restartAfterGrowth, let resident = ResidentMemory.current() {
                if let baseline, resident - baseline > limit {
                    report(.restarting(residentBytes: resident))
                    return .restart
                }
                // Measured once the first sync has loaded what every sync needs.
                if baseline == nil && trigger != .start { baseline = resident }
            }
            let now = Date()
            if now >= nextRound {
                checkAt = nil
                (nextRound, failures, trigger) = sync(trigger, failures: failures)
                continue
            }
            // Changes wait while syncs fail: the retry commits them anyway.
            if failures == 0, let due = checkAt, now >= due {
                checkAt = nil
                switch checkLocalChanges() {
                case .none:
                    report(.nothingToCommit)
                case .busy(let holder):
                    // The other sync may have taken its snapshot before the change: look again.
                    let retry = max(options.quiet, options.firstRetryDelay)
                    checkAt = Date().addingTimeInterval(retry)
                    report(.skipped(holder: holder, retryIn: retry))
                case .some:
                    (nextRound, failures, trigger) = sync(.change, failures: failures)
                }
                continue
            }
            let deadline = failures == 0 ? min(checkAt ?? nextRound, nextRound) : nextRound
            if detector.waitForChanges(until: deadline) { checkAt = Date().addingTimeInterval(options.quiet) }
        }
        report(.stopped)
        return .stopped
    }

    /// Runs one sync; when the next round is due, the failures in a row after it, and what the
    /// next round is (a retry after a failed or skipped sync).
    private func sync(_ trigger: WatchTrigger, failures: Int) -> (Date, Int, WatchTrigger) {
        state.lock()
        syncing = true
        state.unlock()
        defer {
            state.lock()
            syncing = false
            state.unlock()
        }
        do {
            let outcome = try Syncer(root: root, options: syncOptions).sync()
            report(.synced(outcome, trigger: trigger))
            return (Date().addingTimeInterval(options.interval), 0, .interval)
        } catch {
            if case .locked(_, let holder) = error {
                let retry = max(options.quiet, options.firstRetryDelay)
                report(.skipped(holder: holder, retryIn: retry))
                return (Date().addingTimeInterval(retry), failures, .retry)
            }
            let delay = options.retryDelay(afterFailures: failures + 1)
            report(.failed(error, trigger: trigger, retryIn: delay))
            return (Date().addingTimeInterval(delay), failures + 1, .retry)
        }
    }

    /// ``LocalChanges/check(root:)``, counting a failed look as a change: the sync that follows
    /// reports the problem properly.
    private func checkLocalChanges() -> LocalChanges {
        (try? LocalChanges.check(root: root)) ?? .some
    }
}
