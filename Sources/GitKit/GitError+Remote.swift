import Foundation

extension GitError {
    /// This error as fetch, push or clone from `url` report it: any password written into `url`
    /// removed from the message, a connection the server closed early or a missing remote folder
    /// said in words, and an untrusted https certificate explained with the way to trust one
    /// (`SSL_CERT_FILE`).
    func reported(forRemote url: String) -> GitError {
        var error = self
        let redacted = CredentialSequence.redacted(url)
        if redacted != url {
            error.message = error.message.replacingOccurrences(of: url, with: redacted)
            if let password = Self.password(in: url), password.count >= 3 {
                error.message = error.message.replacingOccurrences(of: password, with: "***")
            }
        }
        if error.errorClass == 12 || error.errorClass == 34, // GIT_ERROR_NET, GIT_ERROR_HTTP
           error.message.hasSuffix("EOF") || error.message.hasSuffix("stream ended at an unexpected time") {
            // libgit2's "early EOF", "unexpected EOF" and the http parser's words for the
            // same: the server hung up mid-conversation.
            error.message = "the remote closed the connection before the transfer finished (\(error.message)); "
                + "check that the URL names a git repository on a running server"
        }
        if !NetworkWatchdog.isNetworkURL(url) {
            let path = url.hasPrefix("file://") ? String(url.dropFirst("file://".count)) : url
            if !FileManager.default.fileExists(atPath: path) {
                // libgit2 says "unsupported URL protocol" for a path that is not there.
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

    /// The password in `scheme://user:password@host/...`, if there is one.
    private static func password(in url: String) -> String? {
        guard let schemeEnd = url.range(of: "://"),
              let at = url[schemeEnd.upperBound...].firstIndex(of: "@"),
              let colon = url[schemeEnd.upperBound..<at].firstIndex(of: ":")
        else { return nil }
        let password = url[url.index(after: colon)..<at]
        return password.isEmpty ? nil : String(password)
    }
}
