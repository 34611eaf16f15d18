import NoteKit

/// Renders entries for `hearth export`: every front-matter field plus the Markdown body, one row
/// per entry, for spreadsheets and scripts.
///
/// The rows reuse `list`'s JSON row and CSV quoting so both commands agree on values; a
/// front-matter key named `path` or `body` is left out because the row's own columns use those names.
enum ExportFormatter {
    /// JSON Lines: one object per line (`path`, the front-matter fields in file order, `body`).
    static func jsonLines(_ notes: [Note]) -> String {
        notes.map { row($0).serialized() + "\n" }.joined()
    }

    /// One entry as a JSON object: numbers as numbers, lists as arrays, null for "not recorded".
    static func row(_ note: Note) -> JSONValue {
        guard case .object(let pairs) = EntryFormatter.row(note) else { return EntryFormatter.row(note) }
        return .object(pairs.filter { $0.0 != "body" } + [("body", .string(note.body))])
    }

    /// CSV: `list`'s columns plus the body last.
    static func csv(_ notes: [Note]) -> String {
        EntryFormatter.csv(notes, withBody: true)
    }
}
