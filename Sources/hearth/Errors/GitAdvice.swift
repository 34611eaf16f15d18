import GitKit
import HistoryKit

/// What to do about a failed network operation, with hearth's own flags and settings: the
/// libraries report an unknown or changed ssh host key and a timeout as facts (host,
/// fingerprint, known_hosts file, limit), and this adds the way out.
enum GitAdvice {
    /// The text to append to the message of a failure of `kind`.
    static func suffix(for kind: GitFailure.Kind) -> String {
        switch kind {
        case .hostKeyUnknown:
            return unknownHost
        case .hostKeyChanged(let host, _, _, let file, let lines):
            return changedHost(host: host, file: file, lines: lines)
        case .timeout:
            return timeout
        case .authentication, .damagedRemote, .unsupportedExtension, .other:
            return ""
        }
    }

    /// The same for a GitKit error the command line met itself.
    static func suffix(for cause: GitError.Cause?) -> String {
        switch cause {
        case .hostKeyUnknown?: return unknownHost
        case .hostKeyChanged(let host, _, _, let file, let lines)?: return changedHost(host: host, file: file, lines: lines)
        case .timeout?: return timeout
        case nil: return ""
        }
    }

    private static let unknownHost = ". If that is your server's fingerprint (on the server, "
        + "`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` prints it), run again with --accept-new-host "
        + "to trust it and record it there"

    private static let timeout = "; check the network, or allow longer with --timeout or `git config hearth.timeout SECONDS`"

    private static func changedHost(host: String, file: String, lines: [Int]) -> String {
        let pronoun = lines.count == 1 ? "that line" : "those lines"
        return ". If you expect the change, remove \(pronoun) from \(file) (`ssh-keygen -R '\(host)'` does it), then run again with --accept-new-host"
    }
}
