internal import Clibgit2
import Foundation

extension Repository {
    /// The objects that `tips` need and the history of `hidden` does not hold, as the bytes of
    /// one git pack file, and how many objects it holds. An encrypted remote carries the pack as
    /// an opaque file, so the pack is built in memory rather than sent over a git connection.
    ///
    /// Only hidden commits this repository has are hidden (an unknown one would make the walk
    /// fail); the pack is self-contained: libgit2 deltas objects only against others in the same
    /// pack, so whoever holds the hidden history can index it without anything else.
    ///
    /// Calls `git_revwalk_push`, `git_revwalk_hide`, `git_packbuilder_insert_walk` and
    /// `git_packbuilder_write_buf`.
    package func packData(reachableFrom tips: [ObjectID], hiding hidden: [ObjectID]) throws(GitError) -> (data: Data, objectCount: Int) {
        let operation = "pack the objects to send"
        var walk: OpaquePointer?
        try GitError.check(git_revwalk_new(&walk, pointer), operation: operation)
        defer { git_revwalk_free(walk) }
        for tip in tips {
            var oid = tip.oid
            try GitError.check(git_revwalk_push(walk, &oid), operation: "\(operation): start from \(tip)")
        }
        for commit in hidden where containsObject(commit) {
            var oid = commit.oid
            try GitError.check(git_revwalk_hide(walk, &oid), operation: "\(operation): leave out \(commit)")
        }
        var builder: OpaquePointer?
        try GitError.check(git_packbuilder_new(&builder, pointer), operation: operation)
        defer { git_packbuilder_free(builder) }
        try GitError.check(git_packbuilder_insert_walk(builder, walk), operation: operation)
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try GitError.check(git_packbuilder_write_buf(&buffer, builder), operation: operation)
        let count = Int(git_packbuilder_object_count(builder))
        guard let bytes = buffer.ptr else { return (Data(), count) }
        return (Data(bytes: bytes, count: buffer.size), count)
    }

    /// Adds the pack file `data` to this repository's objects and returns the pack's name and
    /// how many objects it holds, the same way for every pack a fetch brings: indexed into a
    /// quarantine folder (which neither git nor libgit2 reads), checked there (as many objects as
    /// the index lists, every commit and tree it holds pointing only at objects it or this
    /// repository has: libgit2's `verify`), then published durably, `.pack` before `.idx`, and
    /// this handle's object database refreshed. A kill at any step leaves the repository as it
    /// was, perhaps with a quarantine folder or an index-less `.pack` that nothing reads.
    ///
    /// - Throws: `GitError` when the bytes are not a valid pack, or name objects neither the
    ///   pack nor the repository holds; nothing is added then.
    @discardableResult
    package func importPack(_ data: Data) throws(GitError) -> (name: String, objectCount: Int) {
        let operation = "add a received pack"
        let objectsFolder = gitDirectory.appending(path: "objects").path(percentEncoded: false)
        let packFolder = objectsFolder + "/pack"
        let quarantine = objectsFolder + "/incoming-hearth-\(UUID().uuidString)"
        guard mkdir(quarantine, 0o755) == 0, FileManager.default.fileExists(atPath: packFolder) || mkdir(packFolder, 0o755) == 0 else {
            throw GitError(code: .generic, errorClass: Int32(GIT_ERROR_OS.rawValue), message: String(cString: strerror(errno)),
                           operation: "create a folder for the received pack", path: objectsFolder)
        }
        defer { try? FileManager.default.removeItem(atPath: quarantine) }
        var database: OpaquePointer?
        try GitError.check(git_repository_odb(&database, pointer), operation: operation)
        defer { git_odb_free(database) }
        var options = git_indexer_options()
        git_indexer_options_init(&options, UInt32(GIT_INDEXER_OPTIONS_VERSION))
        options.verify = 1
        var indexer: OpaquePointer?
        try GitError.check(git_indexer_new(&indexer, quarantine, 0, database, &options), operation: operation, path: quarantine)
        defer { git_indexer_free(indexer) }
        var stats = git_indexer_progress()
        let appended = data.withUnsafeBytes { git_indexer_append(indexer, $0.baseAddress, $0.count, &stats) }
        try GitError.check(appended, operation: operation)
        try GitError.check(git_indexer_commit(indexer, &stats), operation: operation)
        guard let hash = git_indexer_name(indexer) else {
            throw GitError(code: .generic, errorClass: Int32(GIT_ERROR_INVALID.rawValue), message: "libgit2 gave the pack no name",
                           operation: operation, path: quarantine)
        }
        let name = "pack-" + String(cString: hash)
        let count = Int(stats.indexed_objects)
        try publishPack(from: quarantine, into: packFolder, operation: "\(operation) \(name)")
        try GitError.check(git_odb_refresh(database), operation: "refresh the object database", path: packFolder)
        return (name, count)
    }

    /// Whether this repository holds the object `id` (`git_odb_exists`, which reads nothing).
    package func containsObject(_ id: ObjectID) -> Bool {
        var database: OpaquePointer?
        guard git_repository_odb(&database, pointer) == 0 else { return false }
        defer { git_odb_free(database) }
        var oid = id.oid
        return git_odb_exists(database, &oid) == 1
    }
}
