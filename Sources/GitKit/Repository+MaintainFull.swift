internal import Clibgit2
import Foundation

extension Repository {
    /// The full repack with pruning: one pack of every object reachable from the references,
    /// their reflogs, HEAD and the index; a cruft pack of the unreachable objects younger than
    /// `policy.pruneGrace`; the older unreachable ones dropped.
    ///
    /// An object's age is that of its youngest copy: a loose file's time, a pack's time, or in a
    /// cruft pack its own recorded time, unless the pack file is younger than every recorded time
    /// (libgit2 and git freshen by touching the pack, or git writes a loose copy). The cruft pack records each object's time in
    /// git's `.mtimes` format, so each expires on its own day, whatever the next full repack.
    ///
    /// The steps, each safe to stop at: read the packs and loose objects (nothing changes); write,
    /// verify, publish and verify the reachable pack, then the cruft pack (a kill leaves their
    /// quarantine, or duplicates of objects); when a commit expired, remove git's commit-graph,
    /// which names it; remove the old packs, each complete or whose `.idx` alone is left, except
    /// one whose `.pack` was touched since it was read (a git or libgit2 write freshened an
    /// object in it, which a new commit may need); remove the loose objects now in a verified
    /// pack, and the expired unreachable ones, after checking again that their file was not
    /// freshened meanwhile.
    func repackFully(policy: MaintenancePolicy, now: Date, checkpoint: ((String) -> Void)?) throws(GitError) -> MaintenanceOutcome {
        let objectsFolder = gitDirectory.appending(path: "objects").path(percentEncoded: false)
        let packFolder = objectsFolder + "/pack"
        let before = try PackFile.list(in: packFolder)
        let bytesBefore = before.reduce(0) { $0 + $1.bytes }
        let replaceable = before.filter { !$0.isKept }

        // Every object outside kept packs, with its youngest copy's time.
        var ages: [ObjectID: Int64] = [:]
        var oldObjects: [String: [ObjectID]] = [:]
        for pack in replaceable {
            let objects = try objectIDs(ofPack: pack)
            oldObjects[pack.name] = objects
            let sorted = pack.isCruft ? PackMtimes.indexOrder(objects) : objects
            let recorded = pack.isCruft ? PackMtimes.read(pack.path(".mtimes"), count: sorted.count) : nil
            // A cruft pack's file carries its newest object's time (see `PackMtimes.store`): a
            // later one means git or libgit2 touched it to freshen an object, and all of them
            // count as that young; otherwise each object has its own time.
            let freshened = recorded.map { pack.modified > Int64($0.max() ?? 0) } ?? true
            for (position, id) in sorted.enumerated() {
                let time = freshened ? pack.modified : recorded.map { Int64($0[position]) } ?? pack.modified
                ages[id] = max(ages[id] ?? .min, time)
            }
        }
        let loose = LooseObject.list(in: objectsFolder)
        for object in loose { ages[object.id] = max(ages[object.id] ?? .min, object.modified) }

        var builder: OpaquePointer?
        try GitError.check(git_packbuilder_new(&builder, pointer), operation: "start a full repack")
        defer { git_packbuilder_free(builder) }
        _ = git_packbuilder_set_threads(builder, 0)
        let tips = try insertReachableObjects(into: builder, reflogs: true)
        if !isBare { try insertIndexedObjects(into: builder) }
        let reachableCount = Int(git_packbuilder_object_count(builder))
        var reachable = Set<ObjectID>()
        var newPacks: Set<String> = []
        if reachableCount > 0 {
            let pack = try writePack(builder, count: reachableCount, tips: tips, into: packFolder, checkpoint: checkpoint)
            reachable = pack.objects
            newPacks.insert(pack.name)
        }
        checkpoint?(MaintenanceCheckpoint.packPublished.rawValue)

        let cutoff = Int64(now.timeIntervalSince1970 - policy.pruneGrace)
        var young: [ObjectID: Int64] = [:]
        var expired = Set<ObjectID>()
        for (id, age) in ages where !reachable.contains(id) {
            if age > cutoff { young[id] = age } else { expired.insert(id) }
        }
        try keepWhatYoungObjectsReference(&young, expired: &expired, reachable: reachable)
        var cruft = Set<ObjectID>()
        if !young.isEmpty {
            let pack = try writeCruftPack(young, into: packFolder, checkpoint: checkpoint)
            cruft = pack.objects
            newPacks.insert(pack.name)
        }
        checkpoint?(MaintenanceCheckpoint.cruftPublished.rawValue)

        let kept = reachable.union(cruft)
        let redundant = replaceable.filter { pack in
            !newPacks.contains(pack.name) && (oldObjects[pack.name] ?? []).allSatisfy { kept.contains($0) || expired.contains($0) }
        }
        if try containsCommit(expired) { try removeCommitGraph(in: objectsFolder) }
        let removedPacks = try removePacks(redundant, in: packFolder, unlessFreshened: true, checkpoint: checkpoint)
        // A loose object goes when a verified pack holds it, or when it expired and its file
        // was not freshened since it was read.
        let removable = loose.filter { object in
            if kept.contains(object.id) { return true }
            guard expired.contains(object.id), let stat = FileStat.of(object.path) else { return false }
            return stat.mtime.seconds <= cutoff
        }
        let removed = try removeLooseObjects(removable, checkpoint: checkpoint)
        let after = try PackFile.list(in: packFolder)
        let dropped = Set(removedPacks.flatMap { oldObjects[$0.name] ?? [] } + removable.map(\.id)).intersection(expired)
        return MaintenanceOutcome(work: .full, packsBefore: before.count, packsAfter: after.count, bytesBefore: bytesBefore,
                                  bytesAfter: after.reduce(0) { $0 + $1.bytes }, objectsWritten: reachable.count + cruft.count,
                                  packsReplaced: removedPacks.count, looseObjectsPacked: loose.filter { kept.contains($0.id) }.count,
                                  looseObjectsRemoved: removed, unreachableObjectsPruned: dropped.count,
                                  unreachableObjectsKept: cruft.count)
    }

    /// Whether any of `ids` is a commit, from the objects' headers.
    private func containsCommit(_ ids: Set<ObjectID>) throws(GitError) -> Bool {
        guard !ids.isEmpty else { return false }
        var database: OpaquePointer?
        try GitError.check(git_repository_odb(&database, pointer), operation: "read the object database")
        defer { git_odb_free(database) }
        for id in ids {
            var oid = id.oid
            var size = 0
            var type = GIT_OBJECT_INVALID
            if git_odb_read_header(&size, &type, database, &oid) == 0, type == GIT_OBJECT_COMMIT { return true }
        }
        return false
    }

    /// Removes git's commit-graph (`objects/info/commit-graph` and the split chain in
    /// `objects/info/commit-graphs/`), as the multi-pack-index is removed before packs go: it
    /// would name the commits about to be pruned, and `git fsck` reports a graph naming missing
    /// commits. It is only a faster way to walk history; git writes a new one at its next gc.
    func removeCommitGraph(in objectsFolder: String) throws(GitError) {
        for path in [objectsFolder + "/info/commit-graph", objectsFolder + "/info/commit-graphs"] {
            guard FileManager.default.fileExists(atPath: path) else { continue }
            do {
                try FileManager.default.removeItem(atPath: path)
            } catch {
                throw GitError(code: .generic, errorClass: Int32(GIT_ERROR_OS.rawValue), message: error.localizedDescription,
                               operation: "remove the commit-graph", path: path)
            }
        }
    }

    /// Moves from `expired` into `young` every object a young unreachable object reaches (a
    /// commit's tree and parents, a tree's entries, a tag's target), as git's cruft packs do: a
    /// young commit kept without its old tree would be a broken object for `git fsck`. Each
    /// rescued object takes the time of the object that reaches it, so they expire together.
    private func keepWhatYoungObjectsReference(_ young: inout [ObjectID: Int64], expired: inout Set<ObjectID>,
                                               reachable: Set<ObjectID>) throws(GitError) {
        guard !expired.isEmpty else { return }
        var pending = Array(young.keys)
        while let id = pending.popLast() {
            let time = young[id] ?? 0
            for next in try references(of: id) where !reachable.contains(next) {
                if expired.remove(next) != nil {
                    young[next] = time
                    pending.append(next)
                }
            }
        }
    }

    /// The objects `id` points to: a commit's tree and parents, a tree's entries (not a
    /// submodule's commit), a tag's target; none for a blob or an object that cannot be read.
    private func references(of id: ObjectID) throws(GitError) -> [ObjectID] {
        var oid = id.oid
        var object: OpaquePointer?
        guard git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY) == 0, let object else { return [] }
        defer { git_object_free(object) }
        switch git_object_type(object) {
        case GIT_OBJECT_COMMIT:
            var ids = [ObjectID(git_commit_tree_id(object))]
            for index in 0..<git_commit_parentcount(object) {
                if let parent = git_commit_parent_id(object, index) { ids.append(ObjectID(parent)) }
            }
            return ids
        case GIT_OBJECT_TREE:
            return (0..<git_tree_entrycount(object)).compactMap { index in
                guard let entry = git_tree_entry_byindex(object, index), git_tree_entry_type(entry) != GIT_OBJECT_COMMIT else { return nil }
                return ObjectID(git_tree_entry_id(entry))
            }
        case GIT_OBJECT_TAG:
            return [ObjectID(git_tag_target_id(object))]
        default:
            return []
        }
    }

    /// Writes the objects of `times` into a cruft pack with its `.mtimes` (see ``PackMtimes``),
    /// verified and published as any pack; returns its name and objects.
    private func writeCruftPack(_ times: [ObjectID: Int64], into packFolder: String,
                                checkpoint: ((String) -> Void)?) throws(GitError) -> (name: String, objects: Set<ObjectID>) {
        var builder: OpaquePointer?
        try GitError.check(git_packbuilder_new(&builder, pointer), operation: "start the cruft pack")
        defer { git_packbuilder_free(builder) }
        _ = git_packbuilder_set_threads(builder, 0)
        for id in PackMtimes.indexOrder(times.keys) {
            var oid = id.oid
            try GitError.check(git_packbuilder_insert(builder, &oid, nil), operation: "pack the unreachable object \(id)")
        }
        return try writePack(builder, count: times.count, tips: [], into: packFolder, beforePublish: { folder, name, objects throws(GitError) in
            try PackMtimes.store(pack: name, in: folder, sorted: PackMtimes.indexOrder(objects), times: times)
        }, checkpoint: nil)
    }
}
