/// Why no notebook could be found for a command.
public enum NotebookLocationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Neither `directory` nor a folder above it holds `hearth.yaml` (the search stops at the root
    /// of the first git repository it meets, and skips the home folder and `/`), and no default
    /// notebook is set or one was not asked for.
    case notInNotebook(directory: String)
    /// The default notebook setting names a folder without `hearth.yaml`.
    case defaultNotANotebook(path: String, source: DefaultNotebookSource)
    /// The default notebook setting cannot be used as it is (a relative path, an unreadable config file).
    case unusableDefault(value: String, source: DefaultNotebookSource, reason: String)

    public var description: String {
        switch self {
        case .notInNotebook(let directory):
            return "not in a notebook (no \(NotebookSetup.settingsFile) in \(directory) or above)"
        case .defaultNotANotebook(let path, let source):
            return "the default notebook \(path) (set by \(source)) is not a notebook (no \(NotebookSetup.settingsFile) there)"
        case .unusableDefault(let value, let source, let reason):
            return "the default notebook '\(value)' (set by \(source)) cannot be used: \(reason)"
        }
    }
}
