import Foundation
import JournalKit
import NoteKit

/// Shared by `new`, `today` and `set today`: creates an entry from its template unless it exists,
/// then prints its path and opens the editor when a person is there to use it.
struct EntryOpener {
    let global: GlobalOptions
    let noEdit: Bool
    /// Whether `--new-key` allows keys that look like a misspelling of a known one.
    var newKeys = false

    /// Creates (or finds) the entry, applies `assignments`, prints the path, opens the editor.
    func createOrOpen(kind: NoteKind, date: LocalDate, title: String?, assignments: [String]) throws {
        let notebook = try global.notebook()
        let pairs = try EntryFactory.assignments(assignments)
        let note = try EntryFactory.make(kind: kind, date: date, title: title, assignments: pairs, notebook: notebook, newKeys: newKeys)
        // The editor must not be handed a file that a linked folder puts outside the notebook.
        _ = try notebook.containedPath(note.path)
        if notebook.exists(note.path) {
            guard kind == .day || kind == .week else { throw NotebookError.alreadyExists(path: note.path) }
            if !pairs.isEmpty {
                try notebook.update(note.path) { existing in
                    try EntryFactory.apply(pairs, to: &existing, newKeys: newKeys)
                }
            }
        } else {
            try notebook.create(note)
        }
        print(DisplayPath.of(note.path, in: notebook))
        if !noEdit && Editor.isAvailable {
            try Editor.open(note.path, in: notebook)
        }
    }
}
