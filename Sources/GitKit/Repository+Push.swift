internal import Clibgit2
import Foundation

extension Repository {
    /// Uploads commits and moves references on `remote`, e.g. with
    /// `["refs/heads/main:refs/heads/main"]`; a leading `+` forces the update. Remote-tracking
    /// references (`refs/remotes/<name>/*`) follow what the server accepted.
    ///
    /// Calls `git_remote_lookup` (or `git_remote_create_anonymous`) and `git_remote_push` with
    /// callbacks for credentials, push progress, sideband text and `push_update_reference`.
    /// `git_remote_push` returns 0 even when the server refused a reference; only that callback
    /// tells, so its answers are turned into an error here. A push of one branch into a folder
    /// remote goes through `pushToFolder`, which moves the remote's branch with
    /// compare-and-swap (libgit2's folder push overwrites a branch another device moved).
    /// - Throws: `GitError` with `.rejected` when the push was not a fast-forward (libgit2's
    ///   `GIT_ENONFASTFORWARD`, found before anything is sent) or the server refused a
    ///   reference; the message names the reference, the reason and any text the server
    ///   printed (a hook's output). Fetch, merge and push again in both cases. `.locked` when the
    ///   remote could not lock the reference (a push running there, or one killed mid-way); the
    ///   message names the lock file (``GitError/lockFile``).
    ///   `.timeout` when the remote stayed silent for `options.timeout`. `.remoteNotBare` when
    ///   the remote is a folder holding a repository with a work tree.
    public func push(remote: String, refspecs: [String], options: NetworkOptions = NetworkOptions()) throws(GitError) {
        let operation = "push to \(Remote.redacted(remote))"
        let context = RemoteCallbackContext(options: options, operation: operation)
        try withRemote(remote, operation: operation) { handle throws(GitError) in
            var pushOptions = git_push_options()
            git_push_options_init(&pushOptions, UInt32(GIT_PUSH_OPTIONS_VERSION))
            context.install(into: &pushOptions.callbacks)
            let url = (git_remote_pushurl(handle) ?? git_remote_url(handle)).map { String(cString: $0) } ?? remote
            if refspecs.count == 1, let folder = Remote.localPath(of: url),
               try pushToFolder(folder, remote: handle, refspec: refspecs[0], context: context) {
                return
            }
            Libgit2.prepareCertificates(for: url)
            let (result, timedOut) = try withExtendedLifetime(context) { () throws(GitError) -> (Int32, Bool) in
                try NetworkWatchdog.guarding(url: url, timeout: options.timeout) { () throws(GitError) -> Int32 in
                    try withGitStringArray(refspecs) { array in git_remote_push(handle, array, &pushOptions) }
                }
            }
            if result < 0, timedOut, let timeout = options.timeout {
                throw NetworkWatchdog.timeoutError(url: url, timeout: timeout, operation: operation)
            }
            if result == GitError.Code.nonFastForward.rawValue, context.error == nil {
                let libgit2 = GitError.last(result, operation: operation)
                let targets = refspecs.map(Self.destination(ofRefspec:)).joined(separator: ", ")
                throw GitError(
                    code: .rejected, errorClass: libgit2.errorClass,
                    message: "the remote's \(targets) has commits that are not in what you push "
                        + "(not a fast-forward: \(libgit2.message)); nothing was pushed",
                    operation: operation
                )
            }
            if result < 0 { throw context.failure(result).reported(forRemote: url) }
            if !context.rejectedReferences.isEmpty {
                var message = context.rejectedReferences
                    .map { "the remote refused to update \($0.reference): \($0.reason)" }
                    .joined(separator: "; ")
                let remoteText = context.remoteText
                if !remoteText.isEmpty { message += "\nremote: " + remoteText.replacingOccurrences(of: "\n", with: "\nremote: ") }
                // A reference the remote could not lock (another push there, or one killed mid-way)
                // is not a rejection that fetching and merging would cure.
                let locked = context.rejectedReferences.allSatisfy { $0.reason.contains(".lock") || $0.reason.contains("locked") }
                throw GitError(
                    code: locked ? .locked : .rejected, errorClass: Int32(GIT_ERROR_REFERENCE.rawValue),
                    message: message, operation: operation
                )
            }
        }
    }

    /// The remote reference a push refspec writes: "refs/heads/main" for
    /// "+refs/heads/main:refs/heads/main" or for "refs/heads/main".
    private static func destination(ofRefspec refspec: String) -> String {
        let spec = refspec.hasPrefix("+") ? refspec.dropFirst() : Substring(refspec)
        return String(spec.split(separator: ":", omittingEmptySubsequences: false).last ?? spec)
    }
}
