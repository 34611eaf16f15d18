import NoteKit

/// What the history walk learns about one matching line of one entry, commit by commit.
struct HistoryLineRecord {
    /// The earliest commit that added it.
    var added: LineEvent?
    /// The latest commit that removed it.
    var removed: LineEvent?
    /// The line as the newest version holding it has it (number, kind, date).
    var latest: GrepHit
}
