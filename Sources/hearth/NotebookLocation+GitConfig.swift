import Foundation
import GitKit
import NoteKit

extension NotebookLocation {
    /// The notebook a command started in `directory` works on, with the default notebook from
    /// `hearth.notebook` in the global git config read through libgit2 (only when the walk up
    /// found none).
    static func notebook(for directory: URL, directoryNamed: Bool, environment: [String: String]) throws(NotebookLocationError) -> Notebook {
        try notebook(for: directory, directoryNamed: directoryNamed, environment: environment) {
            try UserConfig.path(DefaultNotebookSource.configKey)
        }
    }
}
