/// One edit for `Repository.updateIndex(_:)`, used after hearth wrote working files itself.
public enum IndexUpdate: Sendable, Hashable {
    /// Hashes the working file at `path` into the object database and records it with its
    /// current stat data, so `git status` sees it as unchanged (`git_index_add_bypath`).
    case addFromWorkingTree(path: String)
    /// Records blob `id` with `mode` at `path` with zeroed stat data, so git re-reads the file:
    /// if the working file's content differs, it shows as modified (`git_index_add`).
    case set(path: String, id: ObjectID, mode: UInt32)
    /// Records blob `id` with `mode` at `path` with `stat` (taken by the caller when it knew the
    /// file held exactly that blob), so git trusts the file without re-reading it until its stat
    /// data changes (`git_index_add`). Cheaper than `addFromWorkingTree` by a read and a hash.
    case setWithStat(path: String, id: ObjectID, mode: UInt32, stat: FileStat)
    /// Removes `path` from the index, leaving any working file alone (`git_index_remove_bypath`).
    case remove(path: String)

    /// The path the update touches.
    public var path: String {
        switch self {
        case .addFromWorkingTree(let path), .set(let path, _, _), .setWithStat(let path, _, _, _), .remove(let path): path
        }
    }
}
