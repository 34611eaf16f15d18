import Foundation

extension FileSystem {
    /// Called with the target's path between ``replace(_:with:expecting:syncFolder:)``'s last
    /// comparison and its rename (or swap), for tests that save the file "as an editor" exactly there. A task
    /// local, so a test's hook sees only the writes of its own task.
    @TaskLocal package static var beforeReplacingRename: (@Sendable (String) -> Void)?

    /// Called with the target's path just after that rename (or swap), for tests that save again there.
    @TaskLocal package static var afterReplacingRename: (@Sendable (String) -> Void)?

    /// Renames (or swaps) the finished `temporary` (whose stat is `written`) into `path`, unless
    /// `path` no longer holds `expected`, without losing a save that lands in between.
    ///
    /// A comparison followed by a rename leaves a window: an editor that saves in place (opens the
    /// file with `O_TRUNC` and writes, as nano and vim with `backupcopy=yes` do) just after the
    /// comparison writes into the file the rename then replaces, and its bytes would be gone. So
    /// the file hearth judged is first hard-linked to a hidden name beside it (a guard link, named
    /// like the temporary files: skipped by listings, ignored by git and so by sync and `watch`), and after the
    /// rename the guard must still hold exactly `expected`. When it does not, the save landed in
    /// the window: the guard (the user's version) is renamed back over hearth's file, if `path`
    /// still is that file with the bytes hearth wrote, and the write fails with
    /// ``NotebookError/changedOnDisk(path:)``, as when the comparison itself sees the change, so
    /// callers retry or leave the file for the next sync. When the user saved again since (into
    /// hearth's file or as a new one) with other bytes, or putting the guard back fails, the
    /// newest version stays and the guard becomes a visible copy beside it
    /// (`x.conflict-editor.md`), which the error names (and a sync commits); the guard is only
    /// deleted when the file in place holds the same bytes.
    ///
    /// An editor that replaces the file by renaming its own over it between the link and the
    /// rename is seen where the file system swaps two names in one step (`RENAME_EXCHANGE` on
    /// Linux: ext4, XFS, Btrfs, tmpfs): hearth's file is swapped in, and what it swapped out is
    /// checked against the guard (``settleSwap(_:at:guardLink:written:wrote:expecting:)``).
    ///
    /// Limits: on a file system without hard links (FAT, some FUSE) the rename goes unguarded, as
    /// before; without the swap (macOS for now, some network file systems) a save by rename in
    /// that window (two system calls apart) is not seen; nor is an in-place save of a file that was
    /// empty, whose truncation changes nothing, when it writes only after the check. A crash
    /// leaves the guard behind like a temporary file: hidden, ignored, never deleted by hearth, so
    /// never the loss of the only copy of anything.
    static func publishGuarded(_ temporary: String, at path: String, written: stat, wrote: [UInt8],
                               expecting expected: [UInt8]) throws(NotebookError) {
        // The last moment to notice that an editor saved the file while we were working.
        if (try? read(path)) != expected { throw NotebookError.changedOnDisk(path: path) }
        let guardLink = try linkGuard(to: path)
        beforeReplacingRename?(path)
        // Swapped rather than renamed over, where the file system can: `temporary` then names what
        // `path` held at that instant, which is the file judged unless an editor renamed its own
        // save over it since the guard was linked.
        var swapped = false
        if let guardLink, let result = exchange(temporary, path) {
            swapped = result == 0
            if result == ENOENT {
                // Deleted since the guard was linked: what the user did last is that it is gone.
                unlink(temporary)
                if (try? read(guardLink)) == expected { unlink(guardLink) }
                else { try keepVisible(guardLink, beside: path, because: "it was deleted since") }
                throw NotebookError.changedOnDisk(path: path)
            }
        }
        if !swapped, rename(temporary, path) != 0 {
            let failure = NotebookError.io(path: path, operation: "write", reason: errnoText())
            if let guardLink { unlink(guardLink) }
            throw failure
        }
        afterReplacingRename?(path)
        guard let guardLink else { return }
        if swapped { try settleSwap(temporary, at: path, guardLink: guardLink, written: written, wrote: wrote, expecting: expected) }
        if (try? read(guardLink)) == expected {
            unlink(guardLink)
            return
        }
        // The user's save landed between the comparison and the rename: it is the guard's.
        var current = stat()
        let stillHearths = lstat(path, &current) == 0 && current.st_ino == written.st_ino && current.st_dev == written.st_dev
        if stillHearths && (try? read(path)) == wrote {
            if rename(guardLink, path) == 0 {
                syncFolder(of: path)
                throw NotebookError.changedOnDisk(path: path)
            }
            try keepVisible(guardLink, beside: path, because: "putting it back failed (\(errnoText()))")
        }
        if !stillHearths, let newest = try? read(path), (try? read(guardLink)) == newest {
            // Saved again since, with the same bytes: the newest version is in place.
            unlink(guardLink)
            throw NotebookError.changedOnDisk(path: path)
        }
        // Saved again since, into hearth's file or as a new one: the newest version stays in
        // place and the one the guard holds is kept beside it, in sight.
        try keepVisible(guardLink, beside: path, because: "it was saved again since")
    }

    /// After `temporary` and `path` were swapped: `temporary` names what `path` held then. When
    /// that is the judged file (the guard's), or holds the judged bytes, it goes (the guard keeps
    /// the judged file for the check of an in-place save). Otherwise an editor saved by renaming
    /// its own file over `path` between the guard's link and the swap: that save is put back in
    /// place if `path` still is hearth's file with hearth's bytes (swapped again), and the write
    /// fails with ``NotebookError/changedOnDisk(path:)``; if the user saved again since, the
    /// newest stays and that save is kept beside it in sight (unless it holds the same bytes).
    /// The guard (the version before that save) goes when it holds what was judged, and is kept
    /// in sight otherwise. A file hearth cannot copy into sight stays under its hidden name, which
    /// the error names; only hearth's own file is ever removed from `temporary`.
    private static func settleSwap(_ temporary: String, at path: String, guardLink: String, written: stat, wrote: [UInt8],
                                   expecting expected: [UInt8]) throws(NotebookError) {
        var swappedOut = stat(), guarded = stat()
        let judged = lstat(temporary, &swappedOut) == 0 && lstat(guardLink, &guarded) == 0
            && swappedOut.st_ino == guarded.st_ino && swappedOut.st_dev == guarded.st_dev
        if judged || (try? read(temporary)) == expected {
            unlink(temporary)
            return
        }
        /// Whether `name` is hearth's file: its inode, and the bytes hearth wrote.
        func isHearths(_ name: String) -> Bool {
            var info = stat()
            return lstat(name, &info) == 0 && info.st_ino == written.st_ino && info.st_dev == written.st_dev && (try? read(name)) == wrote
        }
        if isHearths(path), exchange(temporary, path) == 0 { syncFolder(of: path) }
        var kept: [String] = []
        if isHearths(temporary) {
            unlink(temporary)
        } else if let newest = try? read(path), (try? read(temporary)) == newest {
            unlink(temporary)
        } else {
            kept.append(visibleCopy(of: temporary, beside: path) ?? temporary)
        }
        if (try? read(guardLink)) == expected {
            unlink(guardLink)
        } else {
            kept.append(visibleCopy(of: guardLink, beside: path) ?? guardLink)
        }
        syncFolder(of: path)
        if kept.isEmpty { throw NotebookError.changedOnDisk(path: path) }
        throw NotebookError.io(path: path, operation: "write",
                               reason: "an editor saved it while hearth was writing it, and it was saved again since; those saves are kept in \(kept.joined(separator: " and "))")
    }

    /// Moves the guard to a visible copy beside `path` (``visibleCopy(of:beside:)``) and fails
    /// naming it; when even that fails the guard stays where it is and the error names it, rather
    /// than lose those bytes.
    private static func keepVisible(_ guardLink: String, beside path: String, because reason: String) throws(NotebookError) -> Never {
        let kept = visibleCopy(of: guardLink, beside: path) ?? guardLink
        throw NotebookError.io(path: path, operation: "write",
                               reason: "an editor saved it while hearth was writing it, and \(reason); that save is kept in \(kept)")
    }

    /// Moves the hidden file `hidden` to a visible copy beside `path` (`x.conflict-editor.md`,
    /// named like the copies a sync conflict leaves) and returns the copy's path; nil, with the
    /// file left where it is, when no copy could be made.
    private static func visibleCopy(of hidden: String, beside path: String) -> String? {
        for attempt in 1...100 {
            let copy = NotebookLayout.conflictCopyPath(of: path, label: attempt == 1 ? "editor" : "editor-\(attempt)")
            // link() never replaces an existing file, so an earlier copy by that name stays.
            if link(hidden, copy) == 0 {
                unlink(hidden)
                syncFolder(of: path)
                return copy
            }
            if errno != EEXIST { break }
        }
        return nil
    }

    /// Hard-links `path` to a new hidden name beside it and returns that name; nil when the file
    /// system has no hard links (or refuses one here), then the rename goes unguarded.
    private static func linkGuard(to path: String) throws(NotebookError) -> String? {
        for _ in 0..<3 {
            let name = temporaryName(near: path)
            if link(path, name) == 0 { return name }
            switch errno {
            case EEXIST: continue
            // Deleted since the comparison: what the user did last is that it is gone.
            case ENOENT: throw NotebookError.changedOnDisk(path: path)
            default: return nil
            }
        }
        return nil
    }
}
