internal import Clibgit2
import Foundation

extension Repository {
    /// The full repack with pruning: one pack of every object reachable from the references,
    /// their reflogs, HEAD and the index; a cruft pack of the unreachable objects younger than
    /// `policy.pruneGrace`; the older unreachable ones dropped.
    ///
    /// An object's age is that of its youngest copy: a loose file's time, a pack's time, or in a
    /// cruft pack the later of its own recorded time and the pack file's (libgit2 freshens by
    /// touching the pack; git writes a loose copy). The cruft pack records each object's time in
    /// git's `.mtimes` format, so each expires on its own day, whatever the next full repack.
    ///
    /// The steps, each safe to stop at: read the packs and loose objects (nothing changes); write,
    /// verify, publish and verify the reachable pack, then the cruft pack (a kill leaves their
    /// quarantine, or duplicates of objects); remove the old packs, each complete or whose `.idx`
    /// alone is left; remove the loose objects now in a verified pack, and the expired
    /// unreachable ones, after checking again that their file was not freshened meanwhile.
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
            let objects = try withPackDatabase(indexPath: pack.path(".idx"), operation: "read the pack \(pack.name)") {
                database throws(GitError) in try objectIDs(in: database, operation: "read the pack \(pack.name)", path: pack.path(".idx"))
            }
            oldObjects[pack.name] = objects
            let sorted = PackMtimes.indexOrder(objects)
            let recorded = pack.isCruft ? PackMtimes.read(pack.path(".mtimes"), count: sorted.count) : nil
            for (position, id) in sorted.enumerated() {
                let time = max(pack.modified, recorded.map { Int64($0[position]) } ?? pack.modified)
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
        try removePacks(redundant, in: packFolder, checkpoint: checkpoint)
        // A loose object goes when a verified pack holds it, or when it expired and its file
        // was not freshened since it was read.
        let removable = loose.filter { object in
            if kept.contains(object.id) { return true }
            guard expired.contains(object.id), let stat = FileStat.of(object.path) else { return false }
            return stat.mtime.seconds <= cutoff
        }
        let removed = try removeLooseObjects(removable, checkpoint: checkpoint)
        let after = try PackFile.list(in: packFolder)
        let dropped = Set(redundant.flatMap { oldObjects[$0.name] ?? [] } + removable.map(\.id)).intersection(expired)
        return MaintenanceOutcome(work: .full, packsBefore: before.count, packsAfter: after.count, bytesBefore: bytesBefore,
                                  bytesAfter: after.reduce(0) { $0 + $1.bytes }, objectsWritten: reachable.count + cruft.count,
                                  packsReplaced: redundant.count, looseObjectsPacked: loose.filter { kept.contains($0.id) }.count,
                                  looseObjectsRemoved: removed, unreachableObjectsPruned: dropped.count,
                                  unreachableObjectsKept: cruft.count)
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
