import Foundation

/// How `hearth sync` runs.
public struct SyncOptions {
    /// The remote to sync with; nil picks the branch's upstream, then `origin`, then the only remote.
    public var remote: String?
    /// Progress, timeout and host key trust for fetch and push.
    public var network: SyncNetwork
    /// How long to wait for another sync in the same notebook before giving up.
    public var lockWait: TimeInterval
    /// How many times a push rejected because the remote moved is retried after fetching again.
    public var maxPushAttempts: Int
    /// Called at each ``SyncCheckpoint`` except those reported to ``transferCheckpoint``, on the thread
    /// that called ``Syncer/sync()``; tests use it to act between steps.
    public var checkpoint: ((SyncCheckpoint) -> Void)?
    /// Called at `during-fetch`, `during-push` and the `encrypted-…` checkpoints of an encrypted
    /// remote's transport, from the thread the fetch or push runs on
    /// (the first fetch and a merge's push run on threads of their own), hence `@Sendable`.
    public var transferCheckpoint: (@Sendable (SyncCheckpoint) -> Void)?
    /// Supplies the passphrase of the encrypted remote it is given the name of, when the key kept
    /// on this device does not open it (none kept yet, or the remote was given a new key); nil
    /// when there is none to give. Called on the thread the fetch runs on, hence `@Sendable`.
    public var passphrase: (@Sendable (String) -> String?)?

    /// Called with the path of each lock file that a sync of this notebook's, killed while
    /// pushing, left in a folder remote, once this sync has proven it so and removed it
    /// (``SyncError/remoteLocked(remote:lockFile:age:reason:)`` names any other lock instead).
    public var removedStaleRemoteLock: ((String) -> Void)?
    /// Options with defaults: wait 10 s for the lock, try a push 5 times.
    public init(remote: String? = nil, network: SyncNetwork = SyncNetwork(), lockWait: TimeInterval = 10,
                maxPushAttempts: Int = 5, checkpoint: ((SyncCheckpoint) -> Void)? = nil) {
        self.remote = remote
        self.network = network
        self.lockWait = lockWait
        self.maxPushAttempts = maxPushAttempts
        self.checkpoint = checkpoint
    }
}
