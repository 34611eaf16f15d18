import Foundation
internal import GitKit

/// `hearth watch`: keeps a notebook synced without being asked. It syncs once at the start,
/// then whenever files under the notebook have changed and stayed quiet for
/// ``WatchOptions/quiet`` seconds, and every ``WatchOptions/interval`` seconds to bring in what
/// other devices sent.
///
/// After files change it first looks whether anything is left to commit (``LocalChanges``):
/// the files a sync writes itself are committed already, so they never start another sync.
/// A failed sync is retried after a delay that doubles up to ``WatchOptions/maxRetryDelay``; so
/// is a round that finds another sync holding the lock (reported once, and once more when it
/// resumes). ``stop()`` (from a signal handler's queue, say) lets a sync under way finish, then
/// ``run(residentMemory:)`` returns. When the notebook's folder is moved or deleted, ``run(residentMemory:)`` returns
/// ``WatchEnd/notebookGone``. Maintenance a sync found too big to do within it
/// (``SyncMaintenance/isDeferred``) runs in this process when idle, at most once every
/// ``WatchOptions/maintenanceSpacing``, and is reported as ``WatchEvent/maintained(_:)``.
///
/// `@unchecked Sendable`, and safe: only ``stop()`` runs on another thread, and it touches
/// `stopRequested`, `syncing` and `detector` under `state` only (a detector's `wake()` is safe from
/// any thread). What else changes (`fallbackReason`, `lastSyncWrote`, `skips`) belongs to the one
/// thread running ``run(residentMemory:)``; `syncOptions` is set in `init` only. Not a `Mutex`:
/// the run loop waits in the detector outside the lock, and neither the detector nor
/// ``SyncOptions`` is `Sendable`.
public final class NotebookWatcher: @unchecked Sendable {
    /// The notebook's root.
    public let root: URL
    private let options: WatchOptions
    private var syncOptions: SyncOptions
    /// Replaced (under `state`) only by the thread running ``run(residentMemory:)``, when inotify fails.
    private var detector: any ChangeDetector
    /// Why inotify could not watch the notebook at the start, reported by ``run(residentMemory:)``.
    private var fallbackReason: String?
    private let report: @Sendable (WatchEvent) -> Void
    private let state = NSLock()
    private var stopRequested = false
    private var syncing = false
    /// The root folder's device and inode when watching began: a root path that names another
    /// folder (or none) means the notebook was moved or deleted.
    private let rootDevice: UInt64
    private let rootInode: UInt64
    /// Whether the last sync wrote files here (received or merged), until the next look.
    private var lastSyncWrote = false
    /// Rounds skipped in a row because another sync held the lock.
    private var skips = 0
    /// Whether a sync deferred maintenance that has not run yet (``idleMaintenance()``).
    private var maintenancePending = false
    /// When the deferred maintenance last ran.
    private var lastMaintenance = Date.distantPast

    /// Prepares to watch the notebook at `root`; nothing happens until ``run(residentMemory:)``.
    ///
    /// - Parameters:
    ///   - root: the notebook's root folder.
    ///   - options: when to look and sync, and how long to wait for the lock.
    ///   - syncOptions: how each sync runs (remote, network); its lock wait is replaced by
    ///     ``WatchOptions/lockWait``.
    ///   - report: called with every event, from the thread running ``run(residentMemory:)`` (and ``stop()``'s
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
        var info = stat()
        guard stat(syncer.root.path(percentEncoded: false), &info) == 0 else {
            throw SyncError.io(path: syncer.root.path(percentEncoded: false), operation: "watch", reason: String(cString: strerror(errno)))
        }
        let rootStat = FileStat(info)
        rootDevice = rootStat.device
        rootInode = rootStat.inode
        (detector, fallbackReason) = try Self.detector(root: syncer.root, options: options)
    }

    /// The platform's own detector (``nativeDetector(root:)``) unless polling is asked for or
    /// it cannot watch the notebook (then also why).
    private static func detector(root: URL, options: WatchOptions) throws(SyncError) -> (any ChangeDetector, String?) {
        var reason: String?
        if !options.forcePolling {
            do {
                if let native = try nativeDetector(root: root) { return (native, nil) }
            } catch {
                reason = error.description
            }
        }
        return (try PollingChangeDetector(root: root, every: options.pollEvery), reason)
    }

    /// Asks ``run(residentMemory:)`` to return: at once when waiting, after the current sync when
    /// syncing, after the repository being maintained when maintaining in idle time.
    /// Safe from any thread; only sets a flag and writes a byte to a pipe.
    public func stop() {
        state.lock()
        let first = !stopRequested
        stopRequested = true
        let busy = syncing
        let detector = detector
        state.unlock()
        if first && busy { report(.stopping) }
        detector.wake()
    }

    private var isStopping: Bool {
        state.lock()
        defer { state.unlock() }
        return stopRequested
    }

    /// Whether the root path no longer names the folder watching began with.
    private var rootIsGone: Bool {
        var info = stat()
        guard stat(root.path(percentEncoded: false), &info) == 0 else { return true }
        let now = FileStat(info)
        return now.device != rootDevice || now.inode != rootInode
    }

    /// Watches and syncs until ``stop()`` is called, until the notebook's folder is moved or
    /// deleted, or until the process has grown past ``WatchOptions/restartAfterGrowth`` (checked
    /// after each sync, so never mid-sync).
    ///
    /// - Parameter residentMemory: the process's resident memory in bytes, nil when it cannot be
    ///   measured; how to measure it is the program's business (the library has no view of the
    ///   process). Without it the watcher never restarts.
    @discardableResult
    public func run(residentMemory: (() -> Int?)? = nil) -> WatchEnd {
        if let reason = fallbackReason {
            fallbackReason = nil
            report(.pollingInstead(reason: reason, detector: detector.name))
        }
        report(.started(root: root.standardizedFileURL.path, detector: detector.name, options: options))
        var nextRound = Date()
        var trigger = WatchTrigger.start
        // When to look whether changes need a sync: `quiet` after the last change seen.
        var checkAt: Date?
        var failures = 0
        var baseline: Int?
        while !isStopping {
            // Following a moved folder would keep syncing what the user now calls by another
            // name, and a deleted one can only fail: either way the watcher's job is over.
            if rootIsGone {
                report(.notebookGone(root: root.standardizedFileURL.path))
                return .notebookGone
            }
            if let limit = options.restartAfterGrowth, let resident = residentMemory?() {
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
            if failures == 0, skips == 0, let due = checkAt, now >= due {
                checkAt = nil
                switch checkLocalChanges() {
                case .none:
                    report(.nothingToCommit(lastSyncWrote: lastSyncWrote))
                    lastSyncWrote = false
                case .busy(let holder):
                    // The other sync may have taken its snapshot before the change: a retry
                    // round syncs once the lock is free.
                    let retry = skipped(holder: holder)
                    nextRound = min(nextRound, Date().addingTimeInterval(retry))
                    trigger = .retry
                case .some:
                    (nextRound, failures, trigger) = sync(.change, failures: failures)
                }
                continue
            }
            // Idle: nothing changed waits to be synced and the last sync went through.
            if failures == 0, skips == 0, checkAt == nil, maintenancePending,
               now.timeIntervalSince(lastMaintenance) >= options.maintenanceSpacing {
                idleMaintenance()
                continue
            }
            let deadline = failures == 0 && skips == 0 ? min(checkAt ?? nextRound, nextRound) : nextRound
            if detector.waitForChanges(until: deadline) { checkAt = Date().addingTimeInterval(options.quiet) }
            if let reason = detector.failure { pollInstead(because: reason) }
        }
        report(.stopped)
        return .stopped
    }

    /// Replaces a detector that can no longer see every change by a polling one. A change may
    /// have been missed meanwhile, so one is assumed.
    private func pollInstead(because reason: String) {
        guard let polling = try? PollingChangeDetector(root: root, every: options.pollEvery) else { return }
        state.lock()
        detector = polling
        let stopping = stopRequested
        state.unlock()
        // A stop that woke the old detector is seen by the loop's next look at the flag.
        if stopping { polling.wake() }
        report(.pollingInstead(reason: reason, detector: polling.name))
    }

    /// Counts a round skipped because another sync holds the lock, reports the first of a run of
    /// them, and returns the wait before the next try (growing like the retries after failures).
    private func skipped(holder: String) -> TimeInterval {
        skips += 1
        let retry = max(options.quiet, options.retryDelay(afterFailures: skips))
        if skips == 1 { report(.skipped(holder: holder, retryIn: retry)) }
        return retry
    }

    /// Reports that the lock was free again after skipped rounds.
    private func lockTaken() {
        guard skips > 0 else { return }
        skips = 0
        report(.resumed)
    }

    /// Marks a sync (or a maintenance) under way, for ``stop()`` to say it waits for it.
    private func setSyncing(_ value: Bool) {
        state.lock()
        syncing = value
        state.unlock()
    }

    /// Runs one sync; when the next round is due, the failures in a row after it, and what the
    /// next round is (a retry after a failed or skipped sync).
    private func sync(_ trigger: WatchTrigger, failures: Int) -> (Date, Int, WatchTrigger) {
        setSyncing(true)
        defer { setSyncing(false) }
        do {
            let outcome = try Syncer(root: root, options: syncOptions).sync()
            lockTaken()
            lastSyncWrote = !outcome.receivedPaths.isEmpty || !outcome.mergedPaths.isEmpty
            if outcome.maintenance.isDeferred { maintenancePending = true }
            report(.synced(outcome, trigger: trigger))
            return (Date().addingTimeInterval(options.interval), 0, .interval)
        } catch {
            if case .locked(_, let holder) = error {
                return (Date().addingTimeInterval(skipped(holder: holder)), failures, .retry)
            }
            lockTaken()
            // A sync fails when its folder went away: say that, once, rather than its error.
            if rootIsGone { return (Date(), failures, trigger) }
            let delay = options.retryDelay(afterFailures: failures + 1)
            report(.failed(error, trigger: trigger, retryIn: delay))
            return (Date().addingTimeInterval(delay), failures + 1, .retry)
        }
    }

    /// Runs the maintenance a sync deferred (``Syncer/maintainDue(stopRequested:)``) in this
    /// process, holding the sync lock as a sync does; a save meanwhile waits for it, then goes out
    /// with the next sync. When another sync holds the notebook, it is left for after the next sync.
    /// A ``stop()`` meanwhile waits for the repository being maintained (GitKit's maintenance has
    /// no clean stop half-way), and the folder remote's is skipped.
    private func idleMaintenance() {
        setSyncing(true)
        defer { setSyncing(false) }
        do {
            let maintenance = try Syncer(root: root, options: syncOptions).maintainDue { isStopping }
            maintenancePending = false
            lastMaintenance = Date()
            report(.maintained(maintenance))
        } catch {
            // Locked by another sync, or the notebook is gone (the loop says so): the next sync
            // that defers maintenance asks again.
            maintenancePending = false
        }
    }

    /// ``LocalChanges/check(root:)``, counting a failed look as a change: the sync that follows
    /// reports the problem properly.
    private func checkLocalChanges() -> LocalChanges {
        let changes = (try? LocalChanges.check(root: root)) ?? .some
        if case .busy = changes { return changes }
        lockTaken()
        return changes
    }
}
