/// One edit for `Repository.updatedTree(_:applying:)` (`git_tree_update`). Paths are
/// slash-separated and relative to the tree's root; missing directories are created and
/// directories left empty disappear.
public enum TreeUpdate: Sendable, Hashable {
    /// Puts the object `id` at `path` with `mode` (see `FileMode`), replacing what was there.
    case upsert(path: String, id: ObjectID, mode: UInt32)
    /// Removes the entry at `path`; removing an absent path is an error.
    case remove(path: String)

    /// The path the update touches.
    public var path: String {
        switch self {
        case .upsert(let path, _, _), .remove(let path): path
        }
    }
}
