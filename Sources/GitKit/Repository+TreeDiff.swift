internal import Clibgit2

extension Repository {
    /// The id of a commit's root tree.
    ///
    /// Calls `git_commit_lookup` and `git_commit_tree_id`.
    public func treeID(ofCommit commit: ObjectID) throws(GitError) -> ObjectID {
        try withCommit(commit) { ObjectID(git_commit_tree_id($0)) }
    }

    /// Every path that differs between tree `from` (nil for the empty tree) and tree `to`, in
    /// path order. A commit id is accepted for either and means its tree. Entries that only
    /// changed kind (file to symlink, say) are `.typeChanged`, not a deletion plus an addition.
    ///
    /// Calls `git_diff_tree_to_tree` with `GIT_DIFF_INCLUDE_TYPECHANGE`, then, when
    /// `detectRenames`, `git_diff_find_similar` with `GIT_DIFF_FIND_RENAMES` (git's default 50%
    /// similarity, so renames with edits count), and reads each `git_diff_delta`.
    public func treeChanges(from: ObjectID?, to: ObjectID, detectRenames: Bool) throws(GitError) -> [TreeChange] {
        let operation = "compare trees \(from.map(\.description) ?? "(empty)") and \(to)"
        return try withOptionalTree(from) { oldTree throws(GitError) in
            try withTree(to) { newTree throws(GitError) in
                var options = git_diff_options()
                git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
                options.flags = GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
                var diff: OpaquePointer?
                let result = git_diff_tree_to_tree(&diff, pointer, oldTree, newTree, &options)
                guard result == 0, let diff else { throw GitError.last(result, operation: operation) }
                defer { git_diff_free(diff) }
                if detectRenames {
                    var find = git_diff_find_options()
                    git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION))
                    // Explicit flags: the default (FIND_BY_CONFIG) would let the user's diff.renames decide.
                    find.flags = GIT_DIFF_FIND_RENAMES.rawValue
                    // Fixed limits too: left at 0, libgit2 reads diff.renameLimit from this
                    // device's config, and two devices with different settings would follow
                    // different renames and merge to different trees.
                    find.rename_threshold = 50
                    find.rename_limit = 10_000
                    try GitError.check(git_diff_find_similar(diff, &find), operation: operation)
                }
                var changes: [TreeChange] = []
                for index in 0..<git_diff_num_deltas(diff) {
                    guard let delta = git_diff_get_delta(diff, index)?.pointee,
                          let change = Self.treeChange(delta) else { continue }
                    changes.append(change)
                }
                return changes
            }
        }
    }

    private static func treeChange(_ delta: git_diff_delta) -> TreeChange? {
        let status: TreeChange.Status
        switch delta.status {
        case GIT_DELTA_ADDED, GIT_DELTA_COPIED: status = .added
        case GIT_DELTA_DELETED: status = .deleted
        case GIT_DELTA_MODIFIED: status = .modified
        case GIT_DELTA_RENAMED: status = .renamed
        case GIT_DELTA_TYPECHANGE: status = .typeChanged
        default: return nil
        }
        let hasOld = status != .added
        let hasNew = status != .deleted
        return TreeChange(
            status: status,
            oldPath: hasOld ? delta.old_file.path.map { String(cString: $0) } : nil,
            newPath: hasNew ? delta.new_file.path.map { String(cString: $0) } : nil,
            oldID: hasOld ? ObjectID(delta.old_file.id) : nil,
            newID: hasNew ? ObjectID(delta.new_file.id) : nil,
            oldMode: hasOld ? UInt32(delta.old_file.mode) : nil,
            newMode: hasNew ? UInt32(delta.new_file.mode) : nil
        )
    }

    /// Runs `body` with the tree `id` names, peeling a commit to its tree
    /// (`git_object_lookup`, `git_object_peel`).
    func withTree<R>(_ id: ObjectID, _ body: (OpaquePointer) throws(GitError) -> R) throws(GitError) -> R {
        var oid = id.oid
        var object: OpaquePointer?
        let found = git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY)
        guard found == 0, let object else { throw GitError.last(found, operation: "look up tree \(id)") }
        defer { git_object_free(object) }
        var tree: OpaquePointer?
        let peeled = git_object_peel(&tree, object, GIT_OBJECT_TREE)
        guard peeled == 0, let tree else { throw GitError.last(peeled, operation: "read \(id) as a tree") }
        defer { git_object_free(tree) }
        return try body(tree)
    }

    /// `withTree(_:_:)`, or `body(nil)` when `id` is nil (libgit2's spelling of the empty tree).
    func withOptionalTree<R>(_ id: ObjectID?, _ body: (OpaquePointer?) throws(GitError) -> R) throws(GitError) -> R {
        guard let id else { return try body(nil) }
        return try withTree(id) { tree throws(GitError) in try body(tree) }
    }
}
