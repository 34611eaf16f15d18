import GitKit
import NoteKit

/// What can stop a notebook operation that involves git, with the context to act on it.
public enum SyncError: Error, Sendable, CustomStringConvertible {
    /// libgit2 refused an operation.
    case git(GitError)
    /// Reading or writing an entry failed.
    case notebook(NotebookError)
    /// The folder cannot hold a notebook (a file is in the way, say).
    case notANotebook(path: String, reason: String)

    public var description: String {
        switch self {
        case .git(let error): return error.description
        case .notebook(let error): return error.description
        case .notANotebook(let path, let reason): return "\(path): \(reason)"
        }
    }

    /// Runs a GitKit call, turning its error into ``SyncError/git(_:)``.
    static func wrapping<T>(_ body: () throws(GitError) -> T) throws(SyncError) -> T {
        do {
            return try body()
        } catch {
            throw SyncError.git(error)
        }
    }
}
