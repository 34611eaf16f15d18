import Foundation
import GitKit
import NoteKit

/// Finds the notebook a command works on, like git finds its repository: the enclosing git work
/// tree of the directory, or the directory itself for a plain folder of Markdown files.
public enum NotebookLocation {
    /// The notebook containing `directory`.
    public static func notebook(containing directory: URL) -> Notebook {
        if let repository = try? Repository.discover(startingAt: directory), let root = repository.workingDirectory {
            return Notebook(root: root)
        }
        return Notebook(root: directory)
    }
}
