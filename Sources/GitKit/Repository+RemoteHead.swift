internal import Clibgit2
import Foundation

extension Repository {
    /// The reference names `remote` advertises to a fetch, e.g. `["HEAD", "refs/heads/main"]`.
    /// A server leaves out `HEAD` when it names a branch that does not exist (a `git init --bare`
    /// repository keeps `HEAD` on `master`), which is how a client learns that a plain
    /// `git clone` would check out nothing: the git protocol that libgit2 1.5 speaks (version 0)
    /// says nothing else about an unborn `HEAD`, and offers no way to change it.
    ///
    /// Calls `git_remote_lookup` (or `git_remote_create_anonymous`), `git_remote_connect` in the
    /// fetch direction with the credential and host key callbacks, and `git_remote_ls`.
    /// - Throws: `GitError` as ``fetch(remote:refspecs:options:)`` does.
    public func advertisedReferences(remote: String, options: NetworkOptions = NetworkOptions()) throws(GitError) -> [String] {
        let operation = "list the references of \(Remote.redacted(remote))"
        let context = RemoteCallbackContext(options: options, operation: operation)
        return try withRemote(remote, operation: operation) { handle throws(GitError) -> [String] in
            var callbacks = git_remote_callbacks()
            git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION))
            context.install(into: &callbacks)
            let url = git_remote_url(handle).map { String(cString: $0) } ?? remote
            Libgit2.prepareCertificates(for: url)
            let (names, timedOut) = try withExtendedLifetime(context) { () throws(GitError) -> (Result<[String], GitError>, Bool) in
                try NetworkWatchdog.guarding(url: url, timeout: options.timeout) { () throws(GitError) -> Result<[String], GitError> in
                    let connected = git_remote_connect(handle, GIT_DIRECTION_FETCH, &callbacks, nil, nil)
                    guard connected == 0 else { return .failure(context.failure(connected)) }
                    defer { git_remote_disconnect(handle) }
                    var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
                    var count = 0
                    let listed = git_remote_ls(&heads, &count, handle)
                    guard listed == 0 else { return .failure(GitError.last(listed, operation: operation)) }
                    return .success((0..<count).compactMap { heads?[$0]?.pointee.name.map { String(cString: $0) } })
                }
            }
            switch names {
            case .success(let names): return names
            case .failure(let error):
                if timedOut, let timeout = options.timeout {
                    throw NetworkWatchdog.timeoutError(url: url, timeout: timeout, operation: operation)
                }
                throw error.reported(forRemote: url)
            }
        }
    }

    /// Points `HEAD` of this (bare) repository at `refs/heads/<branch>` when `HEAD` names a
    /// branch that does not exist and `branch` does, so that a plain `git clone` checks it out;
    /// returns whether it did. A `HEAD` that names an existing branch, or that is detached, is
    /// left alone: someone chose it, and so is a repository with a work tree, whose `HEAD` is
    /// the branch checked out there.
    ///
    /// Calls `git_reference_lookup`, `git_reference_symbolic_target` and
    /// `git_reference_symbolic_create_matching`, which fails if `HEAD` changed meanwhile.
    @discardableResult
    public func pointUnbornHead(at branch: String) throws(GitError) -> Bool {
        let operation = "point HEAD at \(branch)"
        guard isBare else { return false }
        var head: OpaquePointer?
        let result = git_reference_lookup(&head, pointer, "HEAD")
        guard result == 0, let head else { throw GitError.last(result, operation: operation, path: gitDirectory.path) }
        defer { git_reference_free(head) }
        guard git_reference_type(head) == GIT_REFERENCE_SYMBOLIC,
              let current = git_reference_symbolic_target(head).map({ String(cString: $0) }) else { return false }
        let target = "refs/heads/\(branch)"
        guard current != target, try referenceTarget(current) == nil, try referenceTarget(target) != nil else { return false }
        var updated: OpaquePointer?
        let created = git_reference_symbolic_create_matching(&updated, pointer, "HEAD", target, 1, current,
                                                             "hearth: HEAD names the branch hearth syncs")
        guard created == 0 else { throw GitError.last(created, operation: operation, path: gitDirectory.path) }
        git_reference_free(updated)
        return true
    }
}

extension Repository {
    /// Points `HEAD` at `refs/heads/<branch>`, which need not exist yet (HEAD then names an
    /// unborn branch, as after `git init -b <branch>`).
    ///
    /// Calls `git_repository_set_head`.
    package func pointHead(at branch: String) throws(GitError) {
        try GitError.check(git_repository_set_head(pointer, "refs/heads/\(branch)"), operation: "point HEAD at \(branch)")
    }
}
