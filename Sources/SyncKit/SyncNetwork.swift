import Foundation
internal import GitKit

/// How a sync or a clone talks to remotes: progress reports, how long a silent remote is waited
/// for, and whether a new ssh server is trusted. Credentials come from the usual places (the
/// ssh-agent, `~/.ssh` keys, an https token in `HEARTH_TOKEN`), host keys are checked against
/// `~/.ssh/known_hosts`.
public struct SyncNetwork {
    /// Called repeatedly while objects are downloaded (fetch, clone) or uploaded (push): one call
    /// at a time, from the thread the transfer runs on, which may not be the one that called
    /// ``Syncer/sync()`` (the first fetch and a merge's push run on threads of their own).
    public var progress: ((Progress) -> Void)?
    /// Seconds a remote may stay silent (nothing received, nothing sent that it acknowledged)
    /// before the sync or clone gives up; nil waits forever. A busy server that sends git's
    /// keep-alives is not silent.
    public var timeout: TimeInterval?
    /// Whether an ssh server seen for the first time is trusted and its key added to
    /// `~/.ssh/known_hosts` (OpenSSH's `StrictHostKeyChecking=accept-new`). A key that differs
    /// from a recorded one is refused regardless.
    public var acceptNewHostKeys: Bool

    /// How long a remote may stay silent unless told otherwise: 30 s.
    public static let defaultTimeout: TimeInterval = NetworkOptions.defaultTimeout

    /// Options with no progress reports, the 30 s timeout, and only known ssh servers trusted.
    public init(progress: ((Progress) -> Void)? = nil, timeout: TimeInterval? = SyncNetwork.defaultTimeout,
                acceptNewHostKeys: Bool = false) {
        self.progress = progress
        self.timeout = timeout
        self.acceptNewHostKeys = acceptNewHostKeys
    }

    /// GitKit's options for one fetch, push or clone.
    var gitOptions: NetworkOptions {
        var options = NetworkOptions(progress: progress.map { report in { report(Progress($0)) } }, timeout: timeout)
        options.credentials.acceptNewHostKeys = acceptNewHostKeys
        return options
    }
}
