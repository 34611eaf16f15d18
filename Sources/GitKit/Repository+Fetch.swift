internal import Clibgit2

extension Repository {
    /// Downloads what `remote` has and updates the remote-tracking references its refspecs
    /// name (for "origin" with git's defaults, `refs/remotes/origin/*`) and `FETCH_HEAD`.
    /// Nothing is pruned: references deleted on the remote stay.
    ///
    /// Calls `git_remote_lookup` (or `git_remote_create_anonymous` when `remote` is a URL or path
    /// rather than a configured name) and `git_remote_fetch` with `GIT_FETCH_NO_PRUNE` and
    /// callbacks for credentials, transfer progress and, when set, the host key check.
    /// - Parameters:
    ///   - remote: a configured remote's name (which wins), or a URL or path.
    ///   - refspecs: refspecs to use instead of the configured ones, e.g.
    ///     `["+refs/heads/main:refs/remotes/origin/main"]`. An anonymous remote has no configured
    ///     refspecs, so without these it only writes `FETCH_HEAD`.
    /// - Throws: `GitError`; `.auth` when every credential was refused (the message lists what
    ///   was tried), `.certificate` for an untrusted host key or https certificate, `.notFound` for
    ///   an unknown remote name, `.timeout` when the remote stayed silent for `options.timeout`.
    public func fetch(remote: String, refspecs: [String]? = nil, options: NetworkOptions = NetworkOptions()) throws(GitError) {
        let operation = "fetch from \(Remote.redacted(remote))"
        let context = RemoteCallbackContext(options: options, operation: operation)
        try withRemote(remote, operation: operation) { handle throws(GitError) in
            var fetchOptions = git_fetch_options()
            git_fetch_options_init(&fetchOptions, UInt32(GIT_FETCH_OPTIONS_VERSION))
            fetchOptions.prune = GIT_FETCH_NO_PRUNE
            context.install(into: &fetchOptions.callbacks)
            let url = git_remote_url(handle).map { String(cString: $0) } ?? remote
            Libgit2.prepareCertificates(for: url)
            let (result, timedOut) = try withExtendedLifetime(context) { () throws(GitError) -> (Int32, Bool) in
                try NetworkWatchdog.guarding(url: url, timeout: options.timeout) { () throws(GitError) -> Int32 in
                    guard let refspecs else { return git_remote_fetch(handle, nil, &fetchOptions, nil) }
                    return try withGitStringArray(refspecs) { array in
                        git_remote_fetch(handle, array, &fetchOptions, nil)
                    }
                }
            }
            if result < 0 {
                if timedOut, let timeout = options.timeout {
                    throw NetworkWatchdog.timeoutError(url: url, timeout: timeout, operation: operation)
                }
                throw context.failure(result).reported(forRemote: url)
            }
        }
    }
}
