internal import Clibgit2
import Foundation

extension Repository {
    /// Gives this handle an object database that reads the same loose objects and packs as the
    /// default one but never `objects/info/commit-graph`, for a process whose history walks stay
    /// near the branch tips (a sync: merge base, ahead/behind, what to push), and returns whether
    /// it did.
    ///
    /// libgit2 1.5 loads the commit graph on the first walk of each handle and hashes the whole
    /// file to check it: about 5 ms for the 2.2 MB graph of 40,000 commits, once for each of a
    /// sync's three handles, growing with the history although such a walk reads a handful of
    /// commits. Walks read those commits from the packs instead, as they do for every commit made
    /// since the graph was written. A repository with alternates (`objects/info/alternates`)
    /// keeps the default database, which knows how to follow them.
    ///
    /// Call it before the handle reads any object. Objects are written as before (loose, with
    /// libgit2's default compression and modes, fsync'd when `core.fsyncObjectFiles` says so).
    ///
    /// Calls `git_odb_new`, `git_odb_backend_loose`, `git_odb_backend_pack`,
    /// `git_odb_add_backend` and `git_repository_set_odb`.
    @discardableResult
    package func readWithoutCommitGraph() throws(GitError) -> Bool {
        let operation = "open the object database"
        // The objects folder is the common directory's: a linked worktree's git directory
        // (`.git/worktrees/NAME`) holds none.
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try GitError.check(git_repository_item_path(&buffer, pointer, GIT_REPOSITORY_ITEM_OBJECTS), operation: operation)
        var objects = String(cString: buffer.ptr)
        while objects.count > 1, objects.hasSuffix("/") { objects.removeLast() }
        guard !FileManager.default.fileExists(atPath: objects + "/info/alternates") else { return false }
        let fsync = try configBool("core.fsyncObjectFiles") ?? false
        var odb: OpaquePointer?
        let created = git_odb_new(&odb)
        guard created == 0, let odb else { throw GitError.last(created, operation: operation, path: objects) }
        defer { git_odb_free(odb) }
        // libgit2's own priorities for the default database: packs (2) are asked before loose files
        // (1). The database owns a backend once added; adding fails only when out of memory, and a
        // backend's free function is not in libgit2's public headers (as in `withPackDatabase`).
        var loose: OpaquePointer?
        try GitError.check(git_odb_backend_loose(&loose, objects, -1, fsync ? 1 : 0, 0, 0), operation: operation, path: objects)
        try GitError.check(git_odb_add_backend(odb, loose, 1), operation: operation, path: objects)
        var packs: OpaquePointer?
        try GitError.check(git_odb_backend_pack(&packs, objects), operation: operation, path: objects)
        try GitError.check(git_odb_add_backend(odb, packs, 2), operation: operation, path: objects)
        try GitError.check(git_repository_set_odb(pointer, odb), operation: operation, path: objects)
        return true
    }
}
