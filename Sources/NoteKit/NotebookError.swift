/// What can go wrong when finding, reading or writing entries in a notebook.
public enum NotebookError: Error, Sendable, CustomStringConvertible, Equatable {
    /// No entry matches the reference.
    case notFound(reference: String)
    /// More than one entry matches; the candidates are listed so the user can pick.
    case ambiguous(reference: String, candidates: [String])
    /// The path leaves the notebook (`..`, an absolute path elsewhere, or a symlink out).
    case outsideNotebook(path: String)
    /// The file changed on disk after hearth read it; hearth did not overwrite it.
    case changedOnDisk(path: String)
    /// The file exists and hearth never overwrites an entry by creating it again.
    case alreadyExists(path: String)
    /// The file cannot be used as it is.
    case unreadable(Diagnostic)
    /// The operating system refused a read or write.
    case io(path: String, operation: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let reference):
            return "no entry matches '\(reference)' (try a path, a date like 2026-11-22, today, yesterday, or the start of a file name)"
        case .ambiguous(let reference, let candidates):
            return "'\(reference)' matches \(candidates.count) entries; say which:\n" + candidates.map { "  " + $0 }.joined(separator: "\n")
        case .outsideNotebook(let path):
            return "\(path): outside the notebook; hearth only reads and writes files inside it"
        case .changedOnDisk(let path):
            return "\(path): changed on disk while hearth was editing it; nothing was written, run the command again"
        case .alreadyExists(let path):
            return "\(path): already exists; hearth never overwrites an entry"
        case .unreadable(let diagnostic):
            return diagnostic.description
        case .io(let path, let operation, let reason):
            return "\(path): cannot \(operation): \(reason)"
        }
    }
}
