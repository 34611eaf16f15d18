import Foundation

extension GitError {
    /// This error as fetch, push or clone from `url` report it: any password written into `url`
    /// removed from the message, a connection the server closed early or a missing remote folder
    /// said in words, and an untrusted https certificate explained with the way to trust one
    /// (`SSL_CERT_FILE`).
    func reported(forRemote url: String) -> GitError {
        var error = self
        let redacted = Remote.redacted(url)
        if redacted != url {
            error.message = error.message.replacingOccurrences(of: url, with: redacted)
            // libgit2 may also quote the URL in pieces.
            for secret in Remote.secrets(in: url) where secret.count >= 3 {
                error.message = error.message.replacingOccurrences(of: secret, with: "***")
            }
        }
        if error.errorClass == 12 || error.errorClass == 34, // GIT_ERROR_NET, GIT_ERROR_HTTP
           error.message.hasSuffix("EOF") || error.message.hasSuffix("stream ended at an unexpected time") {
            // libgit2's "early EOF", "unexpected EOF" and the http parser's words for the
            // same: the server hung up mid-conversation.
            error.message = "the remote closed the connection before the transfer finished (\(error.message)); "
                + "check that the URL names a git repository on a running server"
        }
        // libgit2 says "unsupported URL protocol" for a local path that is not there.
        if let path = Remote.localPath(of: url), error.message.contains("unsupported URL protocol") || error.code == .notFound {
            if !path.isEmpty, !FileManager.default.fileExists(atPath: path) {
                error.message = "the remote's folder \(path) does not exist (moved or deleted?); "
                    + "point the remote at its new place with `git remote set-url`"
            }
        }
        if error.code == .certificate, error.errorClass == 16 { // GIT_ERROR_SSL
            error.message += "; the server's certificate is not signed by an authority this computer trusts"
            if let problem = Libgit2.certificateLocationProblem {
                error.message += " (\(problem))"
            } else {
                error.message += ": if it is your own, set SSL_CERT_FILE to a PEM file with the certificates to trust"
            }
        }
        return error
    }
}

extension GitError {
    /// The lock file this error names, e.g. `/srv/notes.git/refs/heads/main.lock`, or nil when it
    /// names none. libgit2 says "failed to lock file '<path>' for writing" (a folder remote, or
    /// this repository); git's receive-pack says "cannot lock ref 'refs/heads/main': Unable to
    /// create '<path>': File exists" (a server). The path is the writer's: on a server's disk for
    /// an ssh or https remote.
    public var lockFile: String? {
        for quote in ["'", "\""] {
            let parts = message.components(separatedBy: quote)
            // Quoted text sits at the odd positions.
            for index in stride(from: 1, to: parts.count, by: 2) where parts[index].hasSuffix(".lock") {
                return parts[index]
            }
        }
        return nil
    }

    /// Whether a lock file another writer holds stopped the operation: `.locked`, or libgit2's
    /// "failed to lock file" under another code (a fetch's update of a tracking branch).
    public var isLockContention: Bool {
        code == .locked || (message.contains("failed to lock file") && lockFile != nil)
    }
}
