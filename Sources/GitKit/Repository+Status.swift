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
    ///   - memo: where to note that HEAD and the index were the same (see ``HeadIndexMemo``);
    ///     while the note holds, HEAD's trees are not read and only the work tree is compared.
    public func status(
        includeIgnored: Bool = false, refreshingIndex: Bool = true, paths: [String]? = nil, memo: HeadIndexMemo? = nil
    ) throws(GitError) -> [StatusEntry] {
        guard let paths else {
            return try status(includeIgnored: includeIgnored, refreshingIndex: refreshingIndex, pathspec: nil, memo: memo)
        }
        return try withGitStringArray(paths) { pathspec throws(GitError) in
            try status(includeIgnored: includeIgnored, refreshingIndex: refreshingIndex, pathspec: pathspec, memo: memo)
        }
    }

    private func status(
        includeIgnored: Bool, refreshingIndex: Bool, pathspec: UnsafePointer<git_strarray>?, memo: HeadIndexMemo?
    ) throws(GitError) -> [StatusEntry] {
        // The index is read here, so that the key and the status describe the same index.
        guard let memo, let index = sharedIndex() else {
            return try statusList(includeIgnored: includeIgnored, refreshingIndex: refreshingIndex, pathspec: pathspec)
        }
        defer { git_index_free(index) }
        guard let key = headIndexKey(of: index) else {
            return try statusList(includeIgnored: includeIgnored, refreshingIndex: refreshingIndex, pathspec: pathspec)
        }
        if memo.holds(key) {
            let entries = try statusList(includeIgnored: includeIgnored, refreshingIndex: refreshingIndex, pathspec: pathspec,
                                         workTreeOnly: true)
            // Without a refresh the status used the index read above. A refresh may have read it
            // again (another process wrote it) or written it (stale stat data): then in full.
            if headIndexKey(of: index, headTree: key.headTree) == key { return entries }
        }
        return try withTree(key.headTree) { tree throws(GitError) in
            // Against the tree the key names, whatever HEAD says by now.
            let entries = try statusList(includeIgnored: includeIgnored, refreshingIndex: refreshingIndex, pathspec: pathspec,
                                         baseline: tree)
            // Only a status of every path shows that HEAD and the index are the same; a refresh
            // changes stat data alone, so the index as it is now is noted.
            let staged: StatusFlags = [.indexNew, .indexModified, .indexDeleted, .indexRenamed, .indexTypeChange, .conflicted]
            if pathspec == nil, entries.allSatisfy({ $0.flags.isDisjoint(with: staged) }),
               let now = headIndexKey(of: index, headTree: key.headTree) {
                memo.record(now)
            }
            return entries
        }
    }

    /// One `git_status_list_new`: of the work tree against the index alone when `workTreeOnly`,
    /// against `baseline` (HEAD's tree when nil) too otherwise. The index read by
    /// ``sharedIndex()`` is used as it is unless refreshing (libgit2 reads it again then).
    private func statusList(
        includeIgnored: Bool, refreshingIndex: Bool, pathspec: UnsafePointer<git_strarray>?,
        workTreeOnly: Bool = false, baseline: OpaquePointer? = nil
    ) throws(GitError) -> [StatusEntry] {
        var options = git_status_options()
        git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION))
        options.show = workTreeOnly ? GIT_STATUS_SHOW_WORKDIR_ONLY : GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.baseline = baseline
        var flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue
            | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
            | GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX.rawValue
        if refreshingIndex { flags |= GIT_STATUS_OPT_UPDATE_INDEX.rawValue }
        if includeIgnored { flags |= GIT_STATUS_OPT_INCLUDE_IGNORED.rawValue }
        // libgit2 refuses to write an index it was told not to read again.
        if !refreshingIndex && (workTreeOnly || baseline != nil) { flags |= GIT_STATUS_OPT_NO_REFRESH.rawValue }
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

    /// The repository's own index (the one libgit2's status uses), read again from disk if
    /// another process changed it; nil when it cannot be read (the status then reads it itself
    /// and reports the error). Free it with `git_index_free`.
    private func sharedIndex() -> OpaquePointer? {
        var index: OpaquePointer?
        guard git_repository_index(&index, pointer) == 0, let index else { return nil }
        guard git_index_read(index, 0) == 0 else {
            git_index_free(index)
            return nil
        }
        return index
    }

    /// The memo's key for `index` as it is in memory and HEAD's tree (read unless given); nil
    /// without a HEAD commit or an index file (a zero checksum).
    private func headIndexKey(of index: OpaquePointer, headTree given: ObjectID? = nil) -> HeadIndexMemo.Key? {
        guard let checksum = git_index_checksum(index).map({ ObjectID($0.pointee) }), checksum != ObjectID(git_oid()) else { return nil }
        var tree = given
        if tree == nil {
            var head = git_oid()
            var commit: OpaquePointer?
            guard git_reference_name_to_id(&head, pointer, "HEAD") == 0, git_commit_lookup(&commit, pointer, &head) == 0, let commit else {
                return nil
            }
            defer { git_commit_free(commit) }
            tree = git_commit_tree_id(commit).map { ObjectID($0.pointee) }
        }
        guard let tree else { return nil }
        return HeadIndexMemo.Key(indexChecksum: checksum, headTree: tree, capabilities: git_index_caps(index))
    }
}
