import Foundation

/// How `hearth watch` paces its syncs.
public struct WatchOptions: Sendable {
    /// Seconds without a change under the notebook before a change is synced, so that a burst of
    /// saves (an editor writing a swap file, then the file) goes out as one commit.
    public var quiet: TimeInterval
    /// Seconds between syncs when nothing changes here, to pick up what other devices sent.
    public var interval: TimeInterval
    /// How long a sync waits for another sync in the notebook before the round is skipped.
    public var lockWait: TimeInterval
    /// How often the polling detector looks when inotify is not available (or not wanted).
    public var pollEvery: TimeInterval
    /// Look for changes by polling a stat fingerprint, even where inotify is available.
    public var forcePolling: Bool
    /// The first retry after a failed sync; each further failure doubles it, up to
    /// ``maxRetryDelay``.
    public var firstRetryDelay: TimeInterval

    /// How many bytes the process may grow by (resident memory, from after the first sync) before
    /// ``NotebookWatcher/run(residentMemory:)`` returns ``WatchEnd/restart``; nil never restarts. It works
    /// around a libgit2 1.5 leak (about 0.5 MB per sync) that a watcher syncing every minute
    /// would otherwise turn into hundreds of megabytes a day.
    public var restartAfterGrowth: Int?

    /// The least time between two runs of the maintenance that syncs deferred, which the watcher
    /// does when idle (nothing changed waits to be synced). Maintenance runs only when due, and
    /// one run clears what is due; the spacing bounds the cost when it cannot (loose objects too
    /// young to prune keep the count up), as git stops `gc --auto` for a day after a warning.
    /// Ten minutes: a watcher syncing every minute adds at most one pack a sync, so the 50-pack
    /// limit is crossed by at most a few packs before the next run.
    public var maintenanceSpacing: TimeInterval = 600

    /// Options with hearth's defaults: 2 s quiet, a sync every 60 s, half a second for the lock.
    public init(quiet: TimeInterval = 2, interval: TimeInterval = 60, lockWait: TimeInterval = 0.5,
                pollEvery: TimeInterval = 1, forcePolling: Bool = false, firstRetryDelay: TimeInterval = 1,
                restartAfterGrowth: Int? = nil) {
        self.restartAfterGrowth = restartAfterGrowth
        self.quiet = quiet
        self.interval = interval
        self.lockWait = lockWait
        self.pollEvery = pollEvery
        self.forcePolling = forcePolling
        self.firstRetryDelay = firstRetryDelay
    }

    /// The longest wait between retries while syncs fail: never longer than the interval, and
    /// never more than a minute, so a remote that comes back is used again soon.
    public var maxRetryDelay: TimeInterval { max(firstRetryDelay, min(interval, 60)) }

    /// The wait before retrying after `failures` failed syncs in a row (1 for the first).
    public func retryDelay(afterFailures failures: Int) -> TimeInterval {
        let doublings = Double(max(0, min(failures - 1, 30)))
        return min(firstRetryDelay * pow(2, doublings), maxRetryDelay)
    }
}
