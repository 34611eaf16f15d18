import Foundation

/// Callbacks and credentials for fetch, push and clone. The closures run on the calling thread,
/// synchronously inside the libgit2 call, so they need not be `Sendable`.
public struct NetworkOptions {
    /// Called repeatedly while objects are downloaded (fetch, clone) or uploaded (push).
    public var progress: ((TransferProgress) -> Void)?
    /// Where credentials come from when the server asks for them.
    public var credentials: CredentialOptions
    /// Decides whether to trust an ssh server's host key. Nil checks `~/.ssh/known_hosts` as
    /// `credentials` describes (unknown, changed and revoked keys fail with `.certificate` and a
    /// message saying what to do). When set, it is asked for every
    /// ssh connection (`HostKey.isKnown` carries libgit2's verdict) and its answer is final.
    /// HTTPS certificates are always left to libgit2 and the system CA bundle.
    public var certificateCheck: ((HostKey) -> Bool)?
    /// Seconds a connection to the remote may stay silent (nothing received, nothing sent that it
    /// acknowledged) before the operation gives up with `.timeout`; nil waits forever. A busy
    /// server that sends git's keep-alives is not silent. Enforced on Linux by cutting the connection (`NetworkWatchdog`).
    public var timeout: TimeInterval?

    /// Called by a push into a folder remote before it creates anything for the lock of the
    /// branch it moves, with the lock's path and its twin's (``FolderRefLock``): a record made
    /// here names every file the push may leave behind if it is killed from then on, so that
    /// this device can prove them its own later.
    public var folderLockTaking: ((FolderRefLock) -> Void)?
    /// Called once the push holds that lock (written, linked under its name, with its stat
    /// data), before anything else. Where the file system has no hard links the lock has no twin
    /// and this is the first moment it can be identified (``FolderRefLock/isTwinned`` false).
    public var folderLockTaken: ((FolderRefLock) -> Void)?
    /// Called once the lock and its twin are gone again (renamed into the branch, or removed on
    /// failure), and also when the lock could not be taken after ``folderLockTaking``.
    public var folderLockReleased: ((FolderRefLock) -> Void)?
    /// How long a remote may stay silent unless told otherwise: 30 s.
    public static let defaultTimeout: TimeInterval = 30

    /// Options with no progress reporting, default credentials, the known_hosts check and a
    /// 30 s timeout.
    public init(
        progress: ((TransferProgress) -> Void)? = nil,
        credentials: CredentialOptions = CredentialOptions(),
        certificateCheck: ((HostKey) -> Bool)? = nil,
        timeout: TimeInterval? = NetworkOptions.defaultTimeout
    ) {
        self.progress = progress
        self.credentials = credentials
        self.certificateCheck = certificateCheck
        self.timeout = timeout
    }
}
