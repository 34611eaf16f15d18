import Foundation
import NoteKit
import SyncKit

/// `hearth check`'s look for entries git ignores: hearth lists them, but no sync ever sends them.
/// The usual cause is a notebook whose `.gitignore` an older `hearth init` wrote: its editor
/// artefact patterns (`*~`, `\#*#`) also matched folders such as `drafts~/`.
enum CheckIgnoredEntries {
    /// A warning for each untracked one of `notes` that the notebook's ignore rules exclude, naming
    /// the root `.gitignore` line when it is an artefact pattern matching one of the entry's folders.
    static func problems(in notebook: Notebook, notes: [Note]) -> [Diagnostic] {
        guard let syncer = try? Syncer(root: notebook.root),
              syncer.root.standardizedFileURL.path == notebook.root.standardizedFileURL.path else { return [] }
        let lines = ignoreLines(in: notebook)
        let ignored = Set(syncer.ignoredPaths(among: notes.map(\.path)))
        return notes.compactMap { note -> Diagnostic? in
            guard ignored.contains(note.path) else { return nil }
            let cause = artefactLine(for: note.path, in: lines)
            let rule = cause.map { ".gitignore line \($0.line) (\($0.pattern)) matches the folder \($0.folder)/" }
                ?? "a .gitignore rule matches it"
            let hint = cause == nil
                ? "git check-ignore -v \(note.path) names the rule; remove or narrow it so the entry syncs"
                : "run hearth init here again: it adds the lines that let such folders through; or rename the folder"
            return Diagnostic(path: note.path, line: 0, severity: .warning,
                              message: "git ignores this entry, so it never syncs: \(rule)", hint: hint)
        }
    }

    /// The root `.gitignore`, line by line (trimmed), empty when there is none.
    private static func ignoreLines(in notebook: Notebook) -> [String] {
        guard let bytes = try? FileSystem.read(notebook.absolutePath(".gitignore")) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The last line holding the artefact pattern that matches one of `path`'s folders, unless a
    /// later line lets such folders through again.
    private static func artefactLine(for path: String, in lines: [String]) -> (line: Int, pattern: String, folder: String)? {
        let folders = NotebookLayout.names(of: path).dropLast()
        for end in folders.indices {
            let folder = folders[...end].joined(separator: "/")
            guard let pattern = EditorArtefact.gitignorePattern(path: folder),
                  let index = lines.lastIndex(of: pattern),
                  !lines[index...].contains("!\(pattern)/") else { continue }
            return (index + 1, pattern, folder)
        }
        return nil
    }
}
