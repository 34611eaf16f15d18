import NoteKit

/// What to do when a command finds no notebook, or a notebook without the git repository it
/// needs: the one place that advice lives, whichever library noticed (NoteKit's
/// ``NotebookLocationError``, SyncKit's `SyncError.noRepository`, HistoryKit's
/// `HistoryError.notANotebook`, a history grep).
enum NotANotebookAdvice {
    /// No notebook found from where the command started (or in the default notebook setting).
    static func message(for error: NotebookLocationError) -> String {
        switch error {
        case .notInNotebook, .insideRepository:
            return "\(error); run hearth init, or use -C DIR"
        case .belowCeilingNotebook(_, let notebook):
            return "\(error); use -C \(notebook), or make it the default notebook: git config --global \(DefaultNotebookSource.configKey) \(notebook)"
        case .defaultNotANotebook(let path, .environment):
            return "\(error); run hearth init \(path), or set \(DefaultNotebookSource.environmentVariable) to a notebook's folder"
        case .unusableDefault(_, .environment, _):
            return "\(error); set \(DefaultNotebookSource.environmentVariable) to a notebook's folder (an absolute path)"
        case .defaultNotANotebook(let path, .gitConfig):
            return "\(error); run hearth init \(path), or change it with git config --global \(DefaultNotebookSource.configKey) DIR"
        case .unusableDefault(_, .gitConfig, _):
            return "\(error); set it with git config --global \(DefaultNotebookSource.configKey) DIR (an absolute path)"
        }
    }

    /// A notebook of plain files (no repository of its own) met by a command that needs git:
    /// `description` is the library's account.
    static func noRepository(_ description: String, for need: RepositoryNeed) -> String {
        switch need {
        case .sync:
            return "\(description): hearth sync, status, log and resolve need one, and never use a repository around it. "
                + "Run hearth init there to give it its own (its files stay as they are)"
        case .history:
            return "\(description). Run hearth init there to give it a repository (its files stay as they are), or hearth clone a notebook that has one"
        case .historySearch(let path):
            return "the notebook at \(path) has no git repository of its own, so no history to search: hearth init gives it one; "
                + "hearth grep without --history searches the files as they are"
        }
    }

    /// What the command that found no repository wanted it for.
    enum RepositoryNeed {
        /// To sync, or to read the sync state.
        case sync
        /// To read an entry's history.
        case history
        /// To search through history (`grep --history`) in the notebook at the path.
        case historySearch(path: String)
    }
}
