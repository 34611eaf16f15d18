
/// Why a question about a notebook's history cannot be answered.
public enum HistoryError: Error, Sendable, CustomStringConvertible {
    /// The notebook at `path` has no git repository of its own, so it has no history.
    case notANotebook(path: String)
    /// Nothing has been committed yet.
    case noHistory
    /// `--at` named no commit this notebook has.
    case unknownRevision(String)
    /// The notebook's history starts after the moment asked for.
    case beforeHistory(point: String, first: String)
    /// The entry did not exist at that point.
    case absent(path: String, point: String)
    /// No entry, now or in the past, goes by this name.
    case notFound(reference: String)
    /// Several past entries match.
    case ambiguous(reference: String, candidates: [String])
    /// Reading the repository failed.
    case git(GitFailure)

    public var description: String {
        switch self {
        case .notANotebook(let path):
            return "the notebook at \(path) has no git repository of its own, so it has no history"
        case .noHistory:
            return "the notebook has no history yet"
        case .unknownRevision(let revision):
            return "\(revision): no such commit or date"
        case .beforeHistory(let point, let first):
            return "\(point): the notebook's history starts at \(first)"
        case .absent(let path, let point):
            return "\(path) did not exist at \(point)"
        case .notFound(let reference):
            return "no entry named '\(reference)' now or in the notebook's history"
        case .ambiguous(let reference, let candidates):
            return "'\(reference)' matches \(candidates.count) entries in history; name one: \(candidates.joined(separator: ", "))"
        case .git(let failure):
            return failure.description
        }
    }
}
