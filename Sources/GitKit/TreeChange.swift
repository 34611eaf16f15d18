/// One path that differs between two trees (`git_diff_delta`).
public struct TreeChange: Sendable, Hashable {
    /// How the path changed (`git_delta_t`).
    public enum Status: Sendable, Hashable {
        /// Present only in the new tree.
        case added
        /// Present only in the old tree.
        case deleted
        /// Same path, different content or mode.
        case modified
        /// Moved, possibly with edits; `oldPath` and `newPath` differ.
        case renamed
        /// Same path, different kind of entry (e.g. a file became a symlink).
        case typeChanged
    }

    /// How the path changed.
    public var status: Status
    /// The path in the old tree; nil for `.added`.
    public var oldPath: String?
    /// The path in the new tree; nil for `.deleted`.
    public var newPath: String?
    /// The blob in the old tree; nil for `.added`.
    public var oldID: ObjectID?
    /// The blob in the new tree; nil for `.deleted`.
    public var newID: ObjectID?
    /// The mode in the old tree (see `FileMode`); nil for `.added`.
    public var oldMode: UInt32?
    /// The mode in the new tree; nil for `.deleted`.
    public var newMode: UInt32?

    /// Creates a change; GitKit builds these with `Repository.treeChanges(from:to:detectRenames:)`.
    public init(
        status: Status, oldPath: String?, newPath: String?, oldID: ObjectID?, newID: ObjectID?,
        oldMode: UInt32?, newMode: UInt32?
    ) {
        self.status = status
        self.oldPath = oldPath
        self.newPath = newPath
        self.oldID = oldID
        self.newID = newID
        self.oldMode = oldMode
        self.newMode = newMode
    }

    /// The path this change is about: the new path, or the old one for a deletion.
    public var path: String { newPath ?? oldPath ?? "" }
}
