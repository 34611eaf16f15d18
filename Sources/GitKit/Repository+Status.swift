internal import Clibgit2

extension Repository {
    /// Lists every path that differs between HEAD, the index and the work tree, including
    /// untracked files inside untracked directories and honouring `.gitignore`. Submodules are
    /// skipped. Staged renames are detected and reported with `oldPath`.
    ///
    /// Calls `git_status_list_new` with `INCLUDE_UNTRACKED | RECURSE_UNTRACKED_DIRS |
    /// EXCLUDE_SUBMODULES | RENAMES_HEAD_TO_INDEX`, plus `UPDATE_INDEX` unless only reading and
    /// `INCLUDE_IGNORED` when asked, then `git_status_byindex`. `UPDATE_INDEX` refreshes stale stat data in the index
    /// so the next call is cheap, as `git status` does.
    /// - Parameters:
    ///   - includeIgnored: also report ignored files (flag `.ignored`); ignored directories are
    ///     reported once, not recursed into, like `git status --ignored`.
    ///   - refreshingIndex: pass false to only read: the index is then never written, so a
    ///     command that merely looks cannot take `index.lock` from under a sync.
    ///   - paths: only these paths, matched literally (no wildcards), each with what is below
    ///     it; nil for every path. The work tree is then read only there: one file's status
    ///     costs a few system calls instead of a `stat` of every file.
    public func status(includeIgnored: Bool = false, refreshingIndex: Bool = true, paths: [String]? = nil) throws(GitError) -> [StatusEntry] {
        guard let paths else { return try status(includeIgnored: includeIgnored, refreshingIndex: refreshingIndex, pathspec: nil) }
        return try withGitStringArray(paths) { pathspec throws(GitError) in
            try status(includeIgnored: includeIgnored, refreshingIndex: refreshingIndex, pathspec: pathspec)
        }
    }

    private func status(includeIgnored: Bool, refreshingIndex: Bool, pathspec: UnsafePointer<git_strarray>?) throws(GitError) -> [StatusEntry] {
        var options = git_status_options()
        git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION))
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        var flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue
            | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
            | GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX.rawValue
        if refreshingIndex { flags |= GIT_STATUS_OPT_UPDATE_INDEX.rawValue }
        if includeIgnored { flags |= GIT_STATUS_OPT_INCLUDE_IGNORED.rawValue }
        if let pathspec {
            flags |= GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH.rawValue
            options.pathspec = pathspec.pointee
        }
        options.flags = flags

        var list: OpaquePointer?
        var result = git_status_list_new(&list, pointer, &options)
        // A file saved in place while libgit2 hashes it fails the read ("error reading file for
        // hashing"); the next look sees it whole.
        for _ in 0..<3 where result < 0 {
            result = git_status_list_new(&list, pointer, &options)
        }
        guard result == 0, let list else { throw GitError.last(result, operation: "read status") }
        defer { git_status_list_free(list) }

        var entries: [StatusEntry] = []
        let count = git_status_list_entrycount(list)
        entries.reserveCapacity(count)
        for index in 0..<count {
            guard let entry = git_status_byindex(list, index)?.pointee else { continue }
            let flags = StatusFlags(rawValue: entry.status.rawValue)
            let headToIndex = entry.head_to_index?.pointee
            let indexToWorkdir = entry.index_to_workdir?.pointee
            guard let newPath = (indexToWorkdir?.new_file.path ?? headToIndex?.new_file.path) else { continue }
            let path = String(cString: newPath)
            var oldPath: String?
            if flags.contains(.indexRenamed), let old = headToIndex?.old_file.path {
                oldPath = String(cString: old)
            }
            entries.append(StatusEntry(path: path, oldPath: oldPath, flags: flags))
        }
        return entries
    }
}
