import NoteKit

/// A note an import rewrites because its entry changed in the other app since the last import,
/// while nobody edited the note in hearth.
public struct ImportUpdate: Sendable, Hashable {
    /// The note as it is now (the write checks the file still reads so).
    public var current: Note
    /// The note as the import writes it: the entry's new version, at the same path with the same `source_id`.
    public var updated: Note
}
