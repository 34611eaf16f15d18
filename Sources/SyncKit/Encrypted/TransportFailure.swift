internal import GitKit
import HistoryKit

/// Why a fetch or a push failed: libgit2's error (the network, a rejected or locked push, for
/// a plain remote or an encrypted remote's carrier alike) or an encrypted remote's own problem.
enum TransportFailure: Error {
    case git(GitError)
    case encrypted(EncryptedRemoteProblem)

    /// libgit2's error, when that is what failed.
    var gitError: GitError? {
        if case .git(let error) = self { return error }
        return nil
    }

    /// The error a sync reports for this failure of `operation` ("fetch from", "push to") on `remote`.
    func syncError(remote: String, operation: String) -> SyncError {
        switch self {
        case .git(let error): .network(remote: remote, operation: operation, underlying: GitFailure(error))
        case .encrypted(let problem): .encryptedRemote(remote: remote, problem: problem)
        }
    }
}
