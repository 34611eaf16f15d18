import Foundation
import NoteKit

/// How a command prints the path of an entry: so that the person can use it where they stand
/// (`vim "$(hearth today --no-edit)"`). Relative to the current folder inside the notebook
/// (`days/2026/2026-11-22.md` at its root, `2026/2026-11-22.md` in `days/`), absolute outside it
/// (the default notebook used from another folder, or `-C`). JSON and CSV keep the
/// notebook-relative path: they are data, the same from everywhere.
enum DisplayPath {
    /// `path` (relative to `notebook`'s root) as seen from `folder` (default: the current one).
    static func of(_ path: String, in notebook: Notebook,
                   from folder: String = FileManager.default.currentDirectoryPath) -> String {
        let root = canonical(notebook.root.path)
        let here = canonical(folder)
        guard let below = here.utf8.elementsEqual(root.utf8) ? [] : NotebookLayout.relative(here, below: root).map(NotebookLayout.names(of:))
        else { return root + "/" + path }
        var target = NotebookLayout.names(of: path)
        var ups = below.count
        // Shared leading folders cancel out: days/2026 seen from days/ is 2026.
        for component in below {
            guard target.count > 1, target.first == component else { break }
            target.removeFirst()
            ups -= 1
        }
        return (Array(repeating: "..", count: ups) + target).joined(separator: "/")
    }

    /// The path with links resolved, so a notebook reached through a link still counts as here.
    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
