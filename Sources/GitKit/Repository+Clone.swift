internal import Clibgit2
import Foundation

extension Repository {
    /// Clones `url` into `directory` (which must not exist or be empty), with the remote
    /// configured as "origin" and its default branch checked out. Cloning an empty remote gives
    /// a repository whose HEAD is the unborn branch "main", tracking origin's "main".
    ///
    /// Calls `git_clone` with the checkout strategy `GIT_CHECKOUT_SAFE` and the fetch callbacks
    /// of `options`. For an empty remote libgit2 1.5 leaves HEAD on its own default
    /// ("master", or `init.defaultBranch`), so HEAD is then moved with `git_repository_set_head`
    /// and the `branch.*` tracking settings are rewritten for "main".
    /// - Throws: `GitError`; `.exists` when `directory` is not empty, `.auth` and
    ///   `.certificate` and `.timeout` as for `fetch(remote:refspecs:options:)`.
    public static func clone(from url: String, to directory: URL, options: NetworkOptions = NetworkOptions()) throws(GitError) -> Repository {
        Libgit2.ensureInitialized()
        let path = directory.path(percentEncoded: false)
        let operation = "clone \(Remote.redacted(url))"
        let context = RemoteCallbackContext(options: options, operation: operation)
        var cloneOptions = git_clone_options()
        git_clone_options_init(&cloneOptions, UInt32(GIT_CLONE_OPTIONS_VERSION))
        cloneOptions.checkout_opts.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue
        context.install(into: &cloneOptions.fetch_opts.callbacks)
        var raw: OpaquePointer?
        Libgit2.prepareCertificates(for: url, always: true)
        let (result, timedOut) = withExtendedLifetime(context) {
            NetworkWatchdog.guarding(url: url, timeout: options.timeout) { git_clone(&raw, url, path, &cloneOptions) }
        }
        guard result == 0, let raw else {
            if timedOut, let timeout = options.timeout {
                throw NetworkWatchdog.timeoutError(url: url, timeout: timeout, operation: operation)
            }
            throw context.failure(result, path: path).reported(forRemote: url)
        }
        let repository = Repository(owning: raw)
        try repository.settleEmptyClone(operation: operation)
        return repository
    }

    /// After cloning, when HEAD points at a branch the remote does not have: an empty remote
    /// gets the unborn "main"; a remote whose HEAD names a missing branch (`git init --bare`
    /// says "master" while the notebook pushed "main") gets its "main", or its only branch,
    /// checked out. Either way the branch tracks origin's branch of the same name.
    private func settleEmptyClone(operation: String) throws(GitError) {
        guard try headCommitID() == nil, let current = try currentBranchName() else { return }
        let remoteBranches = try branches(remote: true).map(\.fullName)
            .filter { $0.hasPrefix("refs/remotes/origin/") && $0 != "refs/remotes/origin/HEAD" }
            .map { String($0.dropFirst("refs/remotes/origin/".count)) }
        let target: String
        if remoteBranches.isEmpty {
            target = "main"
        } else if let chosen = remoteBranches.contains("main") ? "main" : remoteBranches.count == 1 ? remoteBranches[0] : nil,
                  let commit = try referenceTarget("refs/remotes/origin/\(chosen)") {
            target = chosen
            try setReference("refs/heads/\(chosen)", to: commit, expecting: nil, message: "clone: from origin/\(chosen)")
        } else {
            return
        }
        if target != current {
            try GitError.check(git_repository_set_head(pointer, "refs/heads/\(target)"), operation: operation)
        }
        if !remoteBranches.isEmpty {
            // The folder is the clone's own, new and empty: nothing of the user's to protect.
            var checkout = git_checkout_options()
            git_checkout_options_init(&checkout, UInt32(GIT_CHECKOUT_OPTIONS_VERSION))
            checkout.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue | GIT_CHECKOUT_RECREATE_MISSING.rawValue
            try GitError.check(git_checkout_head(pointer, &checkout), operation: operation)
        }
        if target != current { try removeBranchSection(current, operation: operation) }
        try setConfig("branch.\(target).remote", "origin")
        try setConfig("branch.\(target).merge", "refs/heads/\(target)")
    }

    /// Deletes `branch.<name>.remote` and `branch.<name>.merge` from the repository's own config
    /// (`git_config_delete_entry`); absent keys are fine.
    private func removeBranchSection(_ name: String, operation: String) throws(GitError) {
        try withLocalConfig(operation: operation) { local throws(GitError) in
            for key in ["branch.\(name).remote", "branch.\(name).merge"] {
                let deleted = git_config_delete_entry(local, key)
                if deleted != GitError.Code.notFound.rawValue { try GitError.check(deleted, operation: operation) }
            }
        }
    }
}
