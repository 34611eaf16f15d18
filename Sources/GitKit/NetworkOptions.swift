/// Callbacks and credentials for fetch, push and clone. The closures run on the calling thread,
/// synchronously inside the libgit2 call, so they need not be `Sendable`.
public struct NetworkOptions {
    /// Called repeatedly while objects are downloaded (fetch, clone) or uploaded (push).
    public var progress: ((TransferProgress) -> Void)?
    /// Where credentials come from when the server asks for them.
    public var credentials: CredentialOptions
    /// Decides whether to trust an ssh server's host key. Nil leaves the decision to libgit2
    /// 1.5.1, which accepts only keys listed in `~/.ssh/known_hosts` and otherwise fails with
    /// `.certificate` ("invalid or unknown remote ssh hostkey"). When set, it is asked for every
    /// ssh connection (`HostKey.isKnown` carries libgit2's verdict) and its answer is final.
    /// HTTPS certificates are always left to libgit2 and the system CA bundle.
    public var certificateCheck: ((HostKey) -> Bool)?

    /// Options with no progress reporting, default credentials and libgit2's host key check.
    public init(
        progress: ((TransferProgress) -> Void)? = nil,
        credentials: CredentialOptions = CredentialOptions(),
        certificateCheck: ((HostKey) -> Bool)? = nil
    ) {
        self.progress = progress
        self.credentials = credentials
        self.certificateCheck = certificateCheck
    }
}
