import Foundation
import NoteKit

/// Finds the notebook a command works on, like git finds its repository: the nearest enclosing
/// folder that holds `.git` (a folder, or a file as in linked work trees), or the directory
/// itself for a plain folder of Markdown files.
///
/// The search only looks for `.git` and does not open the repository: starting libgit2 (and its
/// TLS certificate store) took about 8 ms, a tenth of a whole `hearth list` over 10,000 entries,
/// and read-only commands never need it.
public enum NotebookLocation {
    /// The notebook containing `directory`.
    public static func notebook(containing directory: URL) -> Notebook {
        var candidate = directory.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(".git").path) {
                return Notebook(root: candidate)
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { return Notebook(root: directory) }
            candidate = parent
        }
    }
}
