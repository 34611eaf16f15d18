internal import Clibgit2

extension Repository {
    /// What the git command line left in progress here, if anything.
    ///
    /// Calls `git_repository_state`.
    public func state() -> RepositoryState {
        switch git_repository_state(pointer) {
        case Int32(GIT_REPOSITORY_STATE_NONE.rawValue): return .clean
        case Int32(GIT_REPOSITORY_STATE_MERGE.rawValue): return .merge
        case Int32(GIT_REPOSITORY_STATE_REBASE.rawValue), Int32(GIT_REPOSITORY_STATE_REBASE_INTERACTIVE.rawValue),
             Int32(GIT_REPOSITORY_STATE_REBASE_MERGE.rawValue): return .rebase
        case Int32(GIT_REPOSITORY_STATE_BISECT.rawValue): return .bisect
        case Int32(GIT_REPOSITORY_STATE_APPLY_MAILBOX.rawValue), Int32(GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE.rawValue):
            return .applyMailbox
        default: return .cherryPickOrRevert
        }
    }

    /// Whether the index holds unresolved conflicts (from a merge the git command line started).
    ///
    /// Calls `git_repository_index`, `git_index_read` and `git_index_has_conflicts`.
    public func hasConflicts() throws(GitError) -> Bool {
        var index: OpaquePointer?
        let result = git_repository_index(&index, pointer)
        guard result == 0, let index else { throw GitError.last(result, operation: "read index") }
        defer { git_index_free(index) }
        // The handle may hold an index read before the git command line changed it.
        try GitError.check(git_index_read(index, 0), operation: "read index")
        return git_index_has_conflicts(index) != 0
    }
}
