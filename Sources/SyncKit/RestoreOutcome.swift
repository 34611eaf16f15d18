import MergeKit

/// What `hearth restore` did.
public struct RestoreOutcome: Sendable, Hashable {
    /// The entry's path, where the old version now is.
    public var path: String
    /// The commit that records the restore; nil when the entry already read exactly so.
    public var commit: String?
    /// The subject of the commit that saved edits not yet in history, before the restore; nil
    /// when there were none.
    public var savedFirst: String?
    /// How the entry changed, in `hearth log`'s words; nil when nothing changed.
    public var change: EntryChange?
}
