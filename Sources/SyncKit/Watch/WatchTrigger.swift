/// Why the watcher ran a sync.
public enum WatchTrigger: String, Sendable {
    /// The first sync, when watching starts.
    case start
    /// Files under the notebook changed and then stayed quiet.
    case change
    /// The interval passed: a look for what other devices sent.
    case interval
    /// A retry after a failed or skipped sync.
    case retry
}
