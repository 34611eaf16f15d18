/// An operation the git command line left unfinished in a repository (`git_repository_state`).
public enum RepositoryState: Sendable, Equatable, CustomStringConvertible {
    /// Nothing in progress.
    case clean
    /// A merge is waiting for its commit (`MERGE_HEAD`).
    case merge
    /// A rebase, interactive or not, is in progress.
    case rebase
    /// A cherry-pick or revert is in progress.
    case cherryPickOrRevert
    /// `git bisect` is running.
    case bisect
    /// `git am` or `git apply --mailbox` is in progress.
    case applyMailbox

    /// The operation's name as people say it ("merge", "rebase", ...).
    public var description: String {
        switch self {
        case .clean: return "nothing"
        case .merge: return "merge"
        case .rebase: return "rebase"
        case .cherryPickOrRevert: return "cherry-pick or revert"
        case .bisect: return "bisect"
        case .applyMailbox: return "git am"
        }
    }
}
