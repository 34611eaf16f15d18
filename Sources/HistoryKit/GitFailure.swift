import GitKit

/// A git operation that failed, as HistoryKit and SyncKit report it: what was being done, git's
/// (libgit2's) account, and what kind of failure it was, so a caller can say what to do without
/// importing GitKit.
public struct GitFailure: Error, Sendable, CustomStringConvertible {
    /// What was being attempted, phrased so that "cannot <operation>" reads well
    /// ("fetch from origin", "open repository").
    public let operation: String
    /// The file or repository path the operation worked on, if any.
    public let path: String?
    /// git's account of what went wrong, with any password in a URL removed.
    public let message: String
    /// What kind of failure it was.
    public let kind: Kind
    /// "cannot <operation> at <path>: <explanation>".
    public let description: String

    /// The failure `error` reports.
    package init(_ error: GitError) {
        operation = error.operation
        path = error.path
        message = error.message
        description = error.description
        kind = Kind(error)
    }
}
