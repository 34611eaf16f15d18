import GitKit

/// A tree diff with renames whose renames are already known (the rename index's pairs for that
/// step, which are what libgit2's rename detection found there): the plain diff, its pairs joined.
///
/// libgit2's rename detection (`git_diff_find_similar` with `GIT_DIFF_FIND_RENAMES`) reads every
/// added and deleted file to compare them; knowing the answer, only the plain diff is needed.
/// What it does to the list is reproduced: the added file's change becomes the rename, taking the
/// deleted file's old side, and the deleted file's change goes (`apply_splits_and_deletes`); the
/// list is then sorted again by path and status, which leaves the rename where the addition was
/// (the same new path).
enum KnownRenames {
    /// The changes from `old` to `new` with `renames` joined; nil when a pair does not match one
    /// deleted and one added file of the plain diff (then the caller asks libgit2).
    static func changes(from old: ObjectID?, to new: ObjectID, renames: [RenameIndexGraph.Rename],
                        comparer: TreeComparer) throws(GitError) -> [TreeChange]? {
        var changes = try comparer.changes(from: old, to: new)
        guard !renames.isEmpty else { return changes }
        var deleted: [String: Int] = [:]
        var added: [String: Int] = [:]
        for (offset, change) in changes.enumerated() {
            if change.status == .deleted, let path = change.oldPath { deleted[path] = offset }
            if change.status == .added, let path = change.newPath { added[path] = offset }
        }
        var gone = Set<Int>()
        for rename in renames {
            guard let from = deleted.removeValue(forKey: rename.old), let to = added.removeValue(forKey: rename.new) else { return nil }
            let source = changes[from]
            let target = changes[to]
            changes[to] = TreeChange(status: .renamed, oldPath: rename.old, newPath: rename.new, oldID: source.oldID,
                                     newID: target.newID, oldMode: source.oldMode, newMode: target.newMode)
            gone.insert(from)
        }
        return changes.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
    }
}
