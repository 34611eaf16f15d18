/// What a snapshot made of one path's save against the path's rewrite record (see
/// ``Syncer/keepLinesFromStaleSaves(among:)``).
enum StaleSaveOutcome: Equatable {
    /// The file still holds what the rewrite wrote: nothing to judge yet, the record stays.
    case unchanged
    /// Not a stale save: it is committed as saved and the record goes.
    case asSaved
    /// A stale save, merged over the file: the record of that merge (the editor's buffer is
    /// stale again) and the files the merge wrote beside it (conflict records, copies), which
    /// this snapshot commits too.
    case merged(RewriteRecord, added: [String])
    /// The file changed after it was read: judge it again.
    case changed
    /// A stale save whose merge cannot be written (a read-only file, say): the path stays out
    /// of this snapshot, and the record stays, so the other device's lines are never committed
    /// away.
    case heldBack
}
