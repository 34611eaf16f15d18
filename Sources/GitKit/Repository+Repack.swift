internal import Clibgit2
import Foundation

extension Repository {
    /// Writes the packbuilder's `count` objects as a new pack, the same way for every pack
    /// maintenance writes; returns the pack's name and objects. What a kill at each step leaves:
    /// 1. The pack and its index are written into a quarantine folder,
    ///    `objects/incoming-hearth-<uuid>`, which neither git nor libgit2 reads: a kill leaves
    ///    that folder (a leftover for a later run) and the repository as it was.
    /// 2. The pack is checked on its own, through an object database holding only it: it lists
    ///    as many objects as were packed, and `tips` and a sample spread over the pack read back
    ///    with their hashes verified.
    /// 3. It is published as folder pushes do: each file fsync'd, the `.pack` renamed into
    ///    `objects/pack` before its `.idx`, the folder fsync'd after each rename. A kill between
    ///    the renames leaves a `.pack` without an index, which git and libgit2 ignore (a leftover
    ///    too); after them, some objects are in two packs, which is harmless.
    /// 4. The published pack is checked again as in step 2, and this handle's object database
    ///    refreshed. Only then may a caller remove old packs or loose objects.
    ///
    /// `beforePublish` runs once the pack is verified in its quarantine, with that folder, the
    /// pack's name and objects (a cruft pack adds its `.mtimes` there); `checkpoint` is reached
    /// with ``MaintenanceCheckpoint/packWritten`` before publishing.
    func writePack(_ builder: OpaquePointer?, count: Int, tips: [ObjectID], into packFolder: String,
                   beforePublish: ((String, String, Set<ObjectID>) throws(GitError) -> Void)? = nil,
                   checkpoint: ((String) -> Void)? = nil) throws(GitError) -> (name: String, objects: Set<ObjectID>) {
        let objectsFolder = gitDirectory.appending(path: "objects").path(percentEncoded: false)
        let quarantine = objectsFolder + "/incoming-hearth-\(UUID().uuidString)"
        guard mkdir(quarantine, 0o755) == 0, FileManager.default.fileExists(atPath: packFolder) || mkdir(packFolder, 0o755) == 0 else {
            throw GitError(code: .generic, errorClass: Int32(GIT_ERROR_OS.rawValue), message: String(cString: strerror(errno)),
                           operation: "create a folder for the new pack", path: objectsFolder)
        }
        defer { try? FileManager.default.removeItem(atPath: quarantine) }
        try GitError.check(git_packbuilder_write(builder, quarantine, 0, nil, nil), operation: "write the new pack", path: quarantine)
        guard let hash = git_packbuilder_name(builder) else {
            throw GitError(code: .generic, errorClass: Int32(GIT_ERROR_INVALID.rawValue), message: "libgit2 gave the pack no name",
                           operation: "write the new pack", path: quarantine)
        }
        let name = "pack-" + String(cString: hash)
        let written = PackFile(name: name, folder: quarantine, isKept: false, bytes: 0)
        let objects = try verifiedObjects(ofPack: written.path(".idx"), count: count, reading: tips)
        try beforePublish?(quarantine, name, objects)
        checkpoint?(MaintenanceCheckpoint.packWritten.rawValue)
        try publishPack(from: quarantine, into: packFolder, operation: "publish the new pack \(name)")
        let published = PackFile(name: name, folder: packFolder, isKept: false, bytes: 0)
        guard try verifiedObjects(ofPack: published.path(".idx"), count: count, reading: tips) == objects else {
            throw GitError(code: .generic, errorClass: Int32(GIT_ERROR_ODB.rawValue), message: "the published pack lists other objects",
                           operation: "verify the new pack \(name)", path: published.path(".idx"))
        }
        var database: OpaquePointer?
        try GitError.check(git_repository_odb(&database, pointer), operation: "refresh the object database")
        defer { git_odb_free(database) }
        try GitError.check(git_odb_refresh(database), operation: "refresh the object database", path: packFolder)
        return (name, objects)
    }

    /// The objects the pack whose index is at `indexPath` lists, after checking that there are
    /// `count` of them and that `tips` and a sample spread over the pack read back whole, their
    /// hashes verified (libgit2 hashes every object it reads).
    private func verifiedObjects(ofPack indexPath: String, count: Int, reading tips: [ObjectID]) throws(GitError) -> Set<ObjectID> {
        let operation = "verify the new pack"
        return try withPackDatabase(indexPath: indexPath, operation: operation) { database throws(GitError) in
            let objects = try objectIDs(in: database, operation: operation, path: indexPath)
            guard objects.count == count else {
                throw GitError(code: .generic, errorClass: Int32(GIT_ERROR_ODB.rawValue),
                               message: "the pack lists \(objects.count) objects but \(count) were packed", operation: operation, path: indexPath)
            }
            let sample = stride(from: 0, to: objects.count, by: max(1, objects.count / 32)).map { objects[$0] }
            try read(tips + sample, from: database, operation: operation, path: indexPath)
            return Set(objects)
        }
    }

    /// Reads every object of `ids` from the pack whose index is `indexPath`, through an object
    /// database holding only that pack: each must be there and read back whole, its hash checked
    /// (libgit2 hashes every object it reads). Throws naming the first that does not.
    func readBack(_ ids: [ObjectID], fromPack indexPath: String) throws(GitError) {
        guard !ids.isEmpty else { return }
        let operation = "verify the new pack"
        try withPackDatabase(indexPath: indexPath, operation: operation) { database throws(GitError) in
            try read(ids, from: database, operation: operation, path: indexPath)
        }
    }

    /// Reads each of `ids` whole from `database` (libgit2 checks the hash of what it reads).
    private func read(_ ids: [ObjectID], from database: OpaquePointer, operation: String, path: String) throws(GitError) {
        for id in ids {
            var oid = id.oid
            var object: OpaquePointer?
            let result = git_odb_read(&object, database, &oid)
            guard result == 0 else { throw GitError.last(result, operation: "\(operation): read object \(id)", path: path) }
            git_odb_object_free(object)
        }
    }

    /// Gives the packbuilder every object reachable from HEAD and the references, and returns
    /// the commits they point to.
    ///
    /// With `reflogs`, the objects the references' and HEAD's reflogs name count as reachable
    /// too, as they do for `git gc` and `git fsck`: pruning must keep them.
    func insertReachableObjects(into builder: OpaquePointer?, reflogs: Bool = false) throws(GitError) -> [ObjectID] {
        var walk: OpaquePointer?
        try GitError.check(git_revwalk_new(&walk, pointer), operation: "list the commits to repack")
        defer { git_revwalk_free(walk) }
        var tips: [ObjectID] = []
        var starts = try referenceTargets()
        let references = starts.count
        var pushed = false
        if reflogs { starts += try reflogTargets(of: starts.map(\.name)) }
        for (position, (name, target)) in starts.enumerated() {
            var oid = target.oid
            var object: OpaquePointer?
            let result = git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY)
            guard result == 0, let object else { throw GitError.last(result, operation: "read object \(target), which \(name) points to") }
            defer { git_object_free(object) }
            // A commit's history comes from the walk; an annotated tag, or a reference to a tree
            // or blob, brings objects the walk would not see.
            if git_object_type(object) != GIT_OBJECT_COMMIT {
                try GitError.check(git_packbuilder_insert_recur(builder, &oid, nil), operation: "pack the objects of \(name)")
            }
            var peeled: OpaquePointer?
            guard git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) == 0, let peeled else { continue }
            var commit = git_object_id(peeled).pointee
            git_object_free(peeled)
            try GitError.check(git_revwalk_push(walk, &commit), operation: "list the commits of \(name)")
            pushed = true
            // The references' commits are what verification reads back; reflog entries are many.
            if position < references { tips.append(ObjectID(commit)) }
        }
        if pushed {
            try GitError.check(git_packbuilder_insert_walk(builder, walk), operation: "pack the history")
        }
        return Array(Set(tips))
    }

    /// HEAD and every reference with the object it points to, symbolic ones resolved; those
    /// that point to nothing (an unborn branch, a dangling `origin/HEAD`) are left out.
    func referenceTargets() throws(GitError) -> [(name: String, target: ObjectID)] {
        let operation = "list the references to repack"
        var targets: [(name: String, target: ObjectID)] = []
        var head: OpaquePointer?
        let lookup = git_reference_lookup(&head, pointer, "HEAD")
        if lookup == 0, let head {
            defer { git_reference_free(head) }
            if let target = try resolvedTarget(of: head, operation: operation) { targets.append(("HEAD", target)) }
        } else if lookup != GitError.Code.notFound.rawValue {
            throw GitError.last(lookup, operation: operation)
        }
        var iterator: OpaquePointer?
        try GitError.check(git_reference_iterator_new(&iterator, pointer), operation: operation)
        defer { git_reference_iterator_free(iterator) }
        while true {
            var reference: OpaquePointer?
            let next = git_reference_next(&reference, iterator)
            if next == GitError.Code.iterOver.rawValue { break }
            guard next == 0, let reference else { throw GitError.last(next, operation: operation) }
            defer { git_reference_free(reference) }
            if let target = try resolvedTarget(of: reference, operation: operation) {
                targets.append((String(cString: git_reference_name(reference)), target))
            }
        }
        return targets
    }

    /// Every object the reflogs of `names` (HEAD and references) record, old and new side of
    /// each entry, as `(name@{n}, id)`; ids no longer in the database are left out (they were
    /// pruned before, and git's fsck already reports them).
    private func reflogTargets(of names: [String]) throws(GitError) -> [(name: String, target: ObjectID)] {
        var database: OpaquePointer?
        try GitError.check(git_repository_odb(&database, pointer), operation: "read the object database")
        defer { git_odb_free(database) }
        var targets: [(name: String, target: ObjectID)] = []
        var seen = Set<ObjectID>()
        for name in Set(names).sorted() {
            var reflog: OpaquePointer?
            guard git_reflog_read(&reflog, pointer, name) == 0, let reflog else { continue }
            defer { git_reflog_free(reflog) }
            for index in 0..<git_reflog_entrycount(reflog) {
                guard let entry = git_reflog_entry_byindex(reflog, index) else { continue }
                for side in [git_reflog_entry_id_old(entry), git_reflog_entry_id_new(entry)] {
                    guard let side else { continue }
                    let id = ObjectID(side)
                    var oid = side.pointee
                    guard id != .zero, seen.insert(id).inserted, git_odb_exists(database, &oid) == 1 else { continue }
                    targets.append(("\(name)@{\(index)}", id))
                }
            }
        }
        return targets
    }

    /// The object `reference` points to after following symbolic references; nil when it
    /// points to nothing.
    private func resolvedTarget(of reference: OpaquePointer, operation: String) throws(GitError) -> ObjectID? {
        var resolved: OpaquePointer?
        let result = git_reference_resolve(&resolved, reference)
        if result == GitError.Code.notFound.rawValue { return nil }
        guard result == 0, let resolved else { throw GitError.last(result, operation: operation) }
        defer { git_reference_free(resolved) }
        return git_reference_target(resolved).map { ObjectID($0) }
    }

    /// Gives the packbuilder the blobs the index holds (a file added but not committed yet),
    /// so that they stay reachable once packed. Entries whose object is not in the database (an
    /// intent-to-add entry, a submodule's commit) have nothing to pack.
    func insertIndexedObjects(into builder: OpaquePointer?) throws(GitError) {
        var database: OpaquePointer?
        try GitError.check(git_repository_odb(&database, pointer), operation: "read the object database")
        defer { git_odb_free(database) }
        try withIndex(operation: "read the index to repack") { index throws(GitError) in
            for position in 0..<git_index_entrycount(index) {
                guard let entry = git_index_get_byindex(index, position)?.pointee else { continue }
                var oid = entry.id
                guard entry.mode != GIT_FILEMODE_COMMIT.rawValue, git_odb_exists(database, &oid) == 1 else { continue }
                let path = String(cString: entry.path)
                try GitError.check(git_packbuilder_insert(builder, &oid, entry.path), operation: "pack the object of '\(path)' in the index")
            }
        }
    }

    /// Runs `body` with an object database that reads only the pack whose index is `indexPath`.
    func withPackDatabase<R>(indexPath: String, operation: String,
                                     _ body: (OpaquePointer) throws(GitError) -> R) throws(GitError) -> R {
        var database: OpaquePointer?
        let created = git_odb_new(&database)
        guard created == 0, let database else { throw GitError.last(created, operation: operation, path: indexPath) }
        defer { git_odb_free(database) }
        var backend: OpaquePointer?
        try GitError.check(git_odb_backend_one_pack(&backend, indexPath), operation: operation, path: indexPath)
        // The database owns the backend once added; adding fails only when out of memory, and
        // the backend's own free function is not in libgit2's public headers, so it would leak then.
        try GitError.check(git_odb_add_backend(database, backend, 1), operation: operation, path: indexPath)
        return try body(database)
    }

    /// Every object the pack `pack` lists, read from its index alone.
    func objectIDs(ofPack pack: PackFile) throws(GitError) -> [ObjectID] {
        let operation = "read the pack \(pack.name)"
        return try withPackDatabase(indexPath: pack.path(".idx"), operation: operation) { database throws(GitError) in
            try objectIDs(in: database, operation: operation, path: pack.path(".idx"))
        }
    }

    /// Every object `database` holds, in its own order.
    func objectIDs(in database: OpaquePointer, operation: String, path: String) throws(GitError) -> [ObjectID] {
        var objects: [ObjectID] = []
        let result = withUnsafeMutablePointer(to: &objects) { objectsPointer in
            git_odb_foreach(database, { oid, payload in
                guard let oid, let payload else { return 0 }
                payload.assumingMemoryBound(to: [ObjectID].self).pointee.append(ObjectID(oid))
                return 0
            }, objectsPointer)
        }
        try GitError.check(result, operation: operation, path: path)
        return objects
    }
}
