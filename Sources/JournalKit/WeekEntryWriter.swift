import NoteKit

/// `hearth review --write`: this week's week entry, from the week template, with the review's
/// recap appended for the person to edit. An existing week entry is never overwritten.
public enum WeekEntryWriter {
    /// Creates the entry and returns its path.
    ///
    /// - Throws: ``NotebookError/alreadyExists(path:)`` when this week already has an entry.
    public static func write(review: Review, today: LocalDate, notebook: Notebook) throws -> String {
        var note = try EntryFactory.make(kind: .week, date: today, title: nil, assignments: [], notebook: notebook)
        if notebook.exists(note.path) { throw NotebookError.alreadyExists(path: note.path) }
        let recap = ReviewMarkdown.render(review)
        note.body += (note.body.hasSuffix("\n\n") || note.body.isEmpty ? "" : "\n") + recap
        try notebook.create(note)
        return note.path
    }
}
