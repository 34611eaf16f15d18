import Foundation

/// Where fetch, push and clone look for credentials. Each method is tried at most once per
/// operation, in this order:
///
/// - ssh URLs: the user name from the URL (else `$USER`, else "git"); then the ssh-agent (when
///   `useAgent` and `SSH_AUTH_SOCK` is set); then each key file that exists, with its `.pub`
///   beside it when present. RSA keys are not offered by default: libssh2 1.10 signs with SHA-1
///   only, which OpenSSH 8.8+ and GitHub refuse.
/// - https URLs asking for a user name and password: the token in `tokenEnvironmentVariable`,
///   with the URL's user name or "git". The token is never printed or stored.
public struct CredentialOptions: Sendable {
    /// The home directory whose `.ssh` folder holds the default key files.
    public var homeDirectory: URL
    /// Whether to ask the ssh-agent. libssh2 reads `SSH_AUTH_SOCK` from the process environment
    /// itself; `environment` only decides whether the agent is worth asking.
    public var useAgent: Bool
    /// Private key files to offer, in order; nil means `~/.ssh/id_ed25519` then `~/.ssh/id_ecdsa`.
    public var keyFiles: [URL]?
    /// The environment variable holding an https access token.
    public var tokenEnvironmentVariable: String
    /// Where the token, `USER` and `SSH_AUTH_SOCK` are read from.
    public var environment: [String: String]

    /// Options with the process's home directory and environment by default.
    public init(
        homeDirectory: URL = FileManager.default.homeDirectoryForCurrentUser,
        useAgent: Bool = true,
        keyFiles: [URL]? = nil,
        tokenEnvironmentVariable: String = "HEARTH_TOKEN",
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.homeDirectory = homeDirectory
        self.useAgent = useAgent
        self.keyFiles = keyFiles
        self.tokenEnvironmentVariable = tokenEnvironmentVariable
        self.environment = environment
    }

    /// The key files to offer: `keyFiles`, or the ed25519 and ECDSA defaults under `homeDirectory`.
    var effectiveKeyFiles: [URL] {
        keyFiles ?? ["id_ed25519", "id_ecdsa"].map {
            homeDirectory.appending(path: ".ssh", directoryHint: .isDirectory).appending(path: $0)
        }
    }
}
