internal import Clibgit2
import Foundation

/// The credentials one network operation offers, each at most once. libgit2 calls the
/// credentials callback again after every failed attempt and never gives up by itself, so
/// the sequence remembers what it has handed out and ends with an error naming all of it.
struct CredentialSequence {
    /// What to hand to libgit2 next.
    enum Answer {
        /// Answer a `GIT_CREDENTIAL_USERNAME` request (ssh URLs without a user).
        case username(String)
        /// Ask the ssh-agent for `user`'s keys.
        case agent(user: String)
        /// Offer a private key file (and its public half, when present).
        case keyFile(user: String, privateKey: String, publicKey: String?)
        /// Send a user name and the token from the environment.
        case token(user: String, token: String)
        /// Nothing left to try.
        case exhausted(message: String)
    }

    private let options: CredentialOptions
    /// Descriptions of the methods handed out, for the final error message.
    private var tried: [String] = []
    /// Descriptions of methods skipped (missing key files, no agent), for the same message.
    private var skipped: [String] = []
    /// The RSA key files handed out, which modern servers refuse from libssh2 1.10.
    private var triedRSAKeys: [String] = []
    private var sshMethodsPlanned = false
    /// The URL and user of the ssh authentication, for a message after libgit2 gave up.
    private var sshAttempt: (url: String, user: String)?
    private var sshMethods: [Answer] = []
    private var tokenOffered = false

    init(options: CredentialOptions) {
        self.options = options
    }

    /// The next credential for a request that allows `allowedTypes` (`git_credential_t` bits).
    mutating func next(url: String, usernameFromURL: String?, allowedTypes: UInt32) -> Answer {
        if allowedTypes & GIT_CREDENTIAL_USERNAME.rawValue != 0 {
            // Not an authentication attempt: libgit2 only needs a name to ask the server which
            // methods it accepts, and asks once per connection.
            return .username(usernameFromURL ?? defaultUser)
        }
        if allowedTypes & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
            return nextSSH(url: url, user: usernameFromURL ?? defaultUser)
        }
        if allowedTypes & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 {
            return nextToken(url: url, user: usernameFromURL ?? "git")
        }
        return .exhausted(message: "\(Remote.redacted(url)) asks for an authentication method hearth does not support "
            + "(libgit2 credential types 0x\(String(allowedTypes, radix: 16))); hearth can use ssh keys and https tokens")
    }

    private var defaultUser: String {
        if let user = options.environment["USER"], !user.isEmpty { return user }
        return "git"
    }

    private mutating func nextSSH(url: String, user: String) -> Answer {
        if !sshMethodsPlanned {
            sshMethodsPlanned = true
            sshAttempt = (url, user)
            planSSHMethods(user: user)
        }
        guard !sshMethods.isEmpty else {
            return .exhausted(message: sshFailureMessage(url: url, user: user, interruption: nil))
        }
        let method = sshMethods.removeFirst()
        switch method {
        case .agent: tried.append("ssh-agent")
        case .keyFile(_, let privateKey, let publicKey):
            tried.append(display(privateKey))
            if Self.isRSA(privateKey: privateKey, publicKey: publicKey) { triedRSAKeys.append(display(privateKey)) }
        default: break
        }
        return method
    }

    /// The message for an ssh authentication that libgit2 gave up on in the middle, with
    /// `detail` (libgit2's error), or nil when no ssh credential was handed out, so the failure
    /// is not about them. OpenSSH's sshd counts each of libgit2's method queries between
    /// attempts as a failure too (MaxAuthTries, 6 by default), so after three refused
    /// credentials it hangs up and libgit2 reports "Failed to retrieve list of SSH
    /// authentication methods" instead of asking for the next one.
    func interruptedSSHMessage(detail: String) -> String? {
        guard let attempt = sshAttempt, !tried.isEmpty,
              detail.hasPrefix("Failed to retrieve list of SSH authentication methods") else { return nil }
        return sshFailureMessage(url: attempt.url, user: attempt.user, interruption: detail)
    }

    private func sshFailureMessage(url: String, user: String, interruption: String?) -> String {
        var message = "ssh authentication as '\(user)' to \(Remote.redacted(url)) failed"
        message += tried.isEmpty ? "; there was nothing to try" : " after trying " + tried.joined(separator: ", ")
        if let interruption {
            message += ", then the server closed the connection (\(interruption)); servers allow only a few attempts "
                + "(OpenSSH's MaxAuthTries)"
            let untried = sshMethods.compactMap { method -> String? in
                switch method {
                case .agent: "ssh-agent"
                case .keyFile(_, let privateKey, _): display(privateKey)
                default: nil
                }
            }
            if !untried.isEmpty { message += "; not tried: " + untried.joined(separator: ", ") }
        }
        if !skipped.isEmpty { message += "; not available: " + skipped.joined(separator: ", ") }
        if !triedRSAKeys.isEmpty {
            let keys = triedRSAKeys.joined(separator: ", ")
            message += ". \(keys) \(triedRSAKeys.count == 1 ? "is an RSA key" : "are RSA keys"), and modern servers "
                + "(OpenSSH 8.8 and later, GitHub) reject the RSA signatures of the libgit2 hearth uses: its libssh2 "
                + "1.10 signs them with SHA-1 (ssh-rsa). Create an ed25519 key with `ssh-keygen -t ed25519`, add "
                + "~/.ssh/id_ed25519.pub to the server's authorized keys, and sync again"
        }
        return message
    }

    private mutating func planSSHMethods(user: String) {
        if options.useAgent {
            if let socket = options.environment["SSH_AUTH_SOCK"], !socket.isEmpty {
                sshMethods.append(.agent(user: user))
            } else {
                skipped.append("ssh-agent (SSH_AUTH_SOCK is not set)")
            }
        }
        for file in options.effectiveKeyFiles {
            let privateKey = file.path(percentEncoded: false)
            guard FileManager.default.isReadableFile(atPath: privateKey) else {
                skipped.append(display(privateKey) + " (no such file)")
                continue
            }
            if Self.isPassphraseProtected(privateKey: privateKey) {
                // libssh2 would be handed no passphrase and fail after the server accepted the
                // key, with an error that does not say why.
                skipped.append(display(privateKey) + " (protected by a passphrase, which hearth cannot ask for: "
                    + "load it into ssh-agent with `ssh-add`)")
                continue
            }
            let publicKey = privateKey + ".pub"
            sshMethods.append(.keyFile(
                user: user, privateKey: privateKey,
                publicKey: FileManager.default.fileExists(atPath: publicKey) ? publicKey : nil
            ))
        }
    }

    private mutating func nextToken(url: String, user: String) -> Answer {
        let variable = options.tokenEnvironmentVariable
        guard let token = options.environment[variable], !token.isEmpty else {
            return .exhausted(message: "\(Remote.redacted(url)) asks for a user name and password; "
                + "put an access token in the environment variable \(variable)")
        }
        guard !tokenOffered else {
            // The token itself must never appear in a message.
            return .exhausted(message: "\(Remote.redacted(url)) rejected the access token in \(variable) "
                + "for user '\(user)'; check that it is valid and allowed to read and write the repository")
        }
        tokenOffered = true
        return .token(user: user, token: token)
    }

    /// Whether a key file holds an RSA key: its `.pub` says `ssh-rsa`, or, without one, it is
    /// named like OpenSSH's default RSA key. Only the public half is read.
    private static func isRSA(privateKey: String, publicKey: String?) -> Bool {
        if let publicKey, let data = FileManager.default.contents(atPath: publicKey) {
            return data.starts(with: Array("ssh-rsa ".utf8))
        }
        return URL(filePath: privateKey).lastPathComponent.hasPrefix("id_rsa")
    }

    /// Whether a private key file is encrypted: an OpenSSH-format key whose cipher is not
    /// "none", or a PEM key marked ENCRYPTED. Only the header fields are looked at; nothing of
    /// the file is kept or shown.
    private static func isPassphraseProtected(privateKey: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: privateKey), data.count < 1 << 20 else { return false }
        let text = String(decoding: data, as: UTF8.self)
        if text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || text.contains("Proc-Type: 4,ENCRYPTED") { return true }
        guard text.hasPrefix("-----BEGIN OPENSSH PRIVATE KEY-----") else { return false }
        let body = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined()
        guard let blob = Data(base64Encoded: body) else { return false }
        let magic = Array("openssh-key-v1".utf8) + [0]
        let bytes = [UInt8](blob.prefix(64))
        guard bytes.count > magic.count + 4, Array(bytes[..<magic.count]) == magic else { return false }
        let lengthBytes = bytes[magic.count..<(magic.count + 4)]
        let length = lengthBytes.reduce(0) { $0 << 8 | Int($1) }
        let start = magic.count + 4
        guard length > 0, start + length <= bytes.count else { return true }
        return bytes[start..<(start + length)] != ArraySlice("none".utf8)
    }

    /// A key path with the home directory shown as "~".
    private func display(_ path: String) -> String {
        var home = options.homeDirectory.path(percentEncoded: false)
        if !home.hasSuffix("/") { home += "/" }
        return path.hasPrefix(home) ? "~/" + path.dropFirst(home.count) : path
    }
}
