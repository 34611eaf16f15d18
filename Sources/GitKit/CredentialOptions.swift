import Foundation

/// Where fetch, push and clone look for credentials, and which ssh host keys they trust.
///
/// Each credential method is tried at most once per operation, in this order:
///
/// - ssh URLs: the user name from the URL (else `$USER`, else "git"); then the ssh-agent (when
///   `useAgent` and `SSH_AUTH_SOCK` is set); then each key file that exists, with its `.pub`
///   beside it when present. `~/.ssh/id_rsa` comes last: libssh2 1.10 signs RSA keys with SHA-1
///   only (`ssh-rsa`), which OpenSSH 8.8+ and GitHub refuse, so it only works with older
///   servers, and when it is refused the error says to create an ed25519 key. A key file
///   protected by a passphrase is skipped (hearth cannot ask for it; the agent can hold it).
/// - https URLs asking for a user name and password: the token in `tokenEnvironmentVariable`,
///   with the URL's user name or "git". The token is never printed or stored.
///
/// Host keys (unless `NetworkOptions.certificateCheck` decides instead): a key recorded for the
/// host in `knownHostsFile` is trusted; a host with no line there is refused with its SHA256
/// fingerprint, or recorded and trusted when `acceptNewHostKeys` is set (OpenSSH's
/// `StrictHostKeyChecking=accept-new`); a key different from the recorded ones, or `@revoked`, is
/// always refused, naming the line to remove.
public struct CredentialOptions: Sendable {
    /// The home directory whose `.ssh` folder holds the default key files and `known_hosts`.
    /// It defaults to `$HOME`, the folder libgit2 reads `known_hosts` from too.
    public var homeDirectory: URL
    /// Whether to ask the ssh-agent. libssh2 reads `SSH_AUTH_SOCK` from the process environment
    /// itself; `environment` only decides whether the agent is worth asking.
    public var useAgent: Bool
    /// Private key files to offer, in order; nil means `~/.ssh/id_ed25519`, `~/.ssh/id_ecdsa`,
    /// then `~/.ssh/id_rsa`.
    public var keyFiles: [URL]?
    /// The environment variable holding an https access token.
    public var tokenEnvironmentVariable: String
    /// Where the token, `USER`, `HOME` and `SSH_AUTH_SOCK` are read from.
    public var environment: [String: String]
    /// Whether a host with no line in `knownHostsFile` is trusted on first contact and its key
    /// appended there. A key that differs from a recorded one is refused regardless.
    public var acceptNewHostKeys: Bool

    /// Options with the process's environment, and the home directory it names, by default.
    public init(
        homeDirectory: URL? = nil,
        useAgent: Bool = true,
        keyFiles: [URL]? = nil,
        tokenEnvironmentVariable: String = "HEARTH_TOKEN",
        environment: [String: String] = ProcessInfo.processInfo.environment,
        acceptNewHostKeys: Bool = false
    ) {
        // Foundation on Linux answers the password database's home and ignores $HOME; libgit2
        // reads known_hosts from $HOME, and a test or a user with another HOME expects both to agree.
        if let homeDirectory {
            self.homeDirectory = homeDirectory
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            self.homeDirectory = URL(filePath: home, directoryHint: .isDirectory)
        } else {
            self.homeDirectory = FileManager.default.homeDirectoryForCurrentUser
        }
        self.useAgent = useAgent
        self.keyFiles = keyFiles
        self.tokenEnvironmentVariable = tokenEnvironmentVariable
        self.environment = environment
        self.acceptNewHostKeys = acceptNewHostKeys
    }

    /// `~/.ssh/known_hosts` under `homeDirectory`.
    public var knownHostsFile: URL {
        homeDirectory.appending(path: ".ssh", directoryHint: .isDirectory).appending(path: "known_hosts")
    }

    /// The key files to offer: `keyFiles`, or the ed25519, ECDSA and RSA defaults under `homeDirectory`.
    var effectiveKeyFiles: [URL] {
        keyFiles ?? ["id_ed25519", "id_ecdsa", "id_rsa"].map {
            homeDirectory.appending(path: ".ssh", directoryHint: .isDirectory).appending(path: $0)
        }
    }
}
