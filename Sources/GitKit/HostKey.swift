import Foundation

/// The host key an ssh server presented (`git_cert_hostkey`), for deciding whether to trust it.
public struct HostKey: Sendable, Hashable {
    /// The host name as written in the URL.
    public var host: String
    /// The port the server listens on (22 unless the URL names another).
    public var port: Int
    /// Whether libgit2 found this exact key for the host in `~/.ssh/known_hosts` (of the HOME
    /// the process started with).
    public var isKnown: Bool
    /// The SHA-256 digest of the key, or nil when libssh2 did not provide one.
    public var sha256: Data?
    /// The key type as known_hosts spells it ("ssh-ed25519", "ecdsa-sha2-nistp256", ...), or nil
    /// when libssh2 reported an unknown type.
    public var keyType: String?
    /// The raw public key blob; base64-encoded after the host and type, it is a known_hosts line.
    public var rawKey: Data?

    /// Creates a host key value; GitKit builds these in its certificate check.
    public init(host: String, port: Int = 22, isKnown: Bool, sha256: Data?, keyType: String?, rawKey: Data?) {
        self.host = host
        self.port = port
        self.isKnown = isKnown
        self.sha256 = sha256
        self.keyType = keyType
        self.rawKey = rawKey
    }

    /// The fingerprint as OpenSSH prints it, e.g. "SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU"
    /// (unpadded base64), or nil without a SHA-256 digest.
    public var fingerprint: String? {
        guard let sha256 else { return nil }
        var encoded = sha256.base64EncodedString()
        while encoded.hasSuffix("=") { encoded.removeLast() }
        return "SHA256:" + encoded
    }

    /// The line that, appended to `~/.ssh/known_hosts`, makes this key trusted for `host` on
    /// `port` (written `[host]:port` for a port other than 22, as OpenSSH does); nil when the key
    /// type or raw key is unknown.
    public var knownHostsLine: String? {
        guard let keyType, let rawKey else { return nil }
        return "\(KnownHosts.hostName(host, port: port)) \(keyType) \(rawKey.base64EncodedString())"
    }
}
