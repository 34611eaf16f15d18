/// Why no notebook could be found for a command.
public enum NotebookLocationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Neither `directory` nor a folder above it holds `hearth.yaml`, and no default notebook is
    /// set or one was not asked for.
    case notInNotebook(directory: String)
    /// `directory` is inside the git repository `repository`, which has no `hearth.yaml` at or
    /// below its root down to `directory`; the notebook at `notebook` around it stops where the
    /// repository starts.
    case insideRepository(directory: String, repository: String, notebook: String)
    /// The only `hearth.yaml` above `directory` is in the home folder or `/`, which counts only
    /// when a command starts there (it would take in every folder below).
    case belowCeilingNotebook(directory: String, notebook: String)
    /// The default notebook setting names a folder without `hearth.yaml`.
    case defaultNotANotebook(path: String, source: DefaultNotebookSource)
    /// The default notebook setting cannot be used as it is (a relative path, an unreadable config file).
    case unusableDefault(value: String, source: DefaultNotebookSource, reason: String)

    public var description: String {
        switch self {
        case .notInNotebook(let directory):
            return "not in a notebook (no \(Notebook.settingsFile) in \(directory) or above)"
        case .insideRepository(let directory, let repository, let notebook):
            return "not in a notebook (no \(Notebook.settingsFile) in \(directory) or above inside the git repository \(repository); "
                + "the notebook at \(notebook) does not take in a repository within it)"
        case .belowCeilingNotebook(let directory, let notebook):
            return "not in a notebook (no \(Notebook.settingsFile) in \(directory) or above; the one in \(notebook) counts only there, "
                + "as it would take in every folder below)"
        case .defaultNotANotebook(let path, let source):
            return "the default notebook \(path) (set by \(source)) is not a notebook (no \(Notebook.settingsFile) there)"
        case .unusableDefault(let value, let source, let reason):
            return "the default notebook '\(value)' (set by \(source)) cannot be used: \(reason)"
        }
    }
}
