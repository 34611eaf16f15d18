import Foundation

/// Decides whether to trust an ssh server's host key from the user's `known_hosts`, the way
/// OpenSSH does with `StrictHostKeyChecking=yes` (or `accept-new` when the options ask for it),
/// and explains a refusal well enough to act on it. libgit2 1.5.1 checks the same file but only
/// reports match or no match; telling a new host from a changed key needs the file itself.
package struct HostKeyTrust {
    /// The outcome for one connection.
    enum Decision: Equatable {
        /// Connect.
        case trust
        /// Do not connect; the message says why, the cause (when there is one) what a caller
        /// can offer to do about it.
        case refuse(String, cause: GitError.Cause? = nil)
    }

    let options: CredentialOptions

    /// The decision for `key`; `libgit2Valid` is libgit2's own known_hosts verdict.
    func decide(_ key: HostKey, libgit2Valid: Bool) -> Decision {
        let name = KnownHosts.hostName(key.host, port: key.port)
        let fingerprint = key.fingerprint ?? "(no SHA-256 fingerprint)"
        let file = options.knownHostsFile
        let path = file.path(percentEncoded: false)
        guard let keyType = key.keyType, let rawKey = key.rawKey else {
            return libgit2Valid ? .trust
                : .refuse("the ssh host \(name) presented a key of a type hearth cannot check (\(fingerprint)); it is not trusted")
        }
        let verdict: KnownHosts.Verdict
        do {
            verdict = try KnownHosts(file: file).verdict(host: key.host, port: key.port, keyType: keyType, key: rawKey)
        } catch {
            return .refuse("\(error); hearth checks the ssh host key of \(name) there")
        }
        switch verdict {
        case .trusted:
            return .trust
        case .revoked(let line):
            return .refuse(Self.revokedMessage(name: name, keyType: keyType, fingerprint: fingerprint, path: path, line: line))
        case .changed(let lines):
            return Self.changed(name: name, keyType: keyType, fingerprint: fingerprint, path: path, lines: lines)
        case .unknown:
            // libssh2 found a line for the host that this reader does not match (it also tries
            // the bare host name for a non-default port): libgit2's own default would connect.
            if libgit2Valid { return .trust }
            guard options.acceptNewHostKeys else {
                return .refuse("the ssh host \(name) is not known: there is no line for it in \(path). It presented "
                    + "the \(keyType) key \(fingerprint)",
                    cause: .hostKeyUnknown(host: name, keyType: keyType, fingerprint: fingerprint, knownHostsFile: path))
            }
            do {
                switch try KnownHosts.addNewHost(key.host, port: key.port, keyType: keyType, key: rawKey, to: file) {
                case .unknown, .trusted: return .trust
                case .changed(let lines):
                    return Self.changed(name: name, keyType: keyType, fingerprint: fingerprint, path: path, lines: lines)
                case .revoked(let line):
                    return .refuse(Self.revokedMessage(name: name, keyType: keyType, fingerprint: fingerprint, path: path, line: line))
                }
            } catch {
                return .refuse("\(error); the ssh host \(name) (\(keyType) \(fingerprint)) was not trusted")
            }
        }
    }

    /// The port in an ssh URL (`ssh://user@host:2222/path`) whose host is `host`, else 22: the
    /// scp-like form `user@host:path` has no port, and libgit2 hands the host key check the
    /// host alone.
    package static func port(in url: String, host: String) -> Int {
        guard let schemeEnd = url.range(of: "://") else { return 22 }
        var authority = url[schemeEnd.upperBound...].prefix { $0 != "/" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let urlHost: Substring
        let portText: Substring?
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            urlHost = authority[authority.index(after: authority.startIndex)..<close]
            let rest = authority[authority.index(after: close)...]
            portText = rest.hasPrefix(":") ? rest.dropFirst() : nil
        } else if let colon = authority.lastIndex(of: ":") {
            urlHost = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            urlHost = authority
            portText = nil
        }
        guard urlHost.lowercased() == host.lowercased(), let portText, let port = Int(portText), (1...65535).contains(port) else {
            return 22
        }
        return port
    }

    private static func revokedMessage(name: String, keyType: String, fingerprint: String, path: String, line: Int) -> String {
        "the ssh host key of \(name) (\(keyType) \(fingerprint)) is marked @revoked on line \(line) of \(path); hearth will not connect"
    }

    private static func changed(name: String, keyType: String, fingerprint: String, path: String, lines: [Int]) -> Decision {
        let location = lines.count == 1 ? "line \(lines[0])" : "lines " + lines.map(String.init).joined(separator: ", ")
        return .refuse("the ssh host key of \(name) has changed: it now presents the \(keyType) key \(fingerprint), but "
            + "\(location) of \(path) \(lines.count == 1 ? "holds" : "hold") a different key for it. Someone may be "
            + "intercepting the connection, or the server was reinstalled; hearth will not connect",
            cause: .hostKeyChanged(host: name, keyType: keyType, fingerprint: fingerprint, knownHostsFile: path, lines: lines))
    }
}
