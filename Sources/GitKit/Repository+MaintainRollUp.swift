internal import Clibgit2
import Foundation

extension Repository {
    /// The geometric roll-up (see ``GeometricRollUp``): the small packs that break the
    /// progression and every loose object go into one new pack, written, verified and published
    /// as every new pack is (see `writePack`); then the rolled packs go, then the loose objects
    /// the new pack holds (git's `prune-packed`), each first read back whole from the published
    /// pack alone, its hash checked. Big packs, kept packs and cruft packs are not read.
    func rollUp(policy: MaintenancePolicy, checkpoint: ((String) -> Void)?) throws(GitError) -> MaintenanceOutcome {
        let objectsFolder = gitDirectory.appending(path: "objects").path(percentEncoded: false)
        let packFolder = objectsFolder + "/pack"
        let before = try PackFile.list(in: packFolder)
        let bytesBefore = before.reduce(0) { $0 + $1.bytes }
        let loose = LooseObject.list(in: objectsFolder)
        let candidates = before.filter { !$0.isKept && !$0.isCruft }
            .map { (pack: $0, count: $0.objectCount() ?? 0) }
            .sorted { ($0.count, $0.pack.name) < ($1.count, $1.pack.name) }
        let plan = GeometricRollUp(counts: candidates.map(\.count), loose: loose.count, factor: policy.geometricFactor)
        let unchanged = MaintenanceOutcome(work: .nothing, packsBefore: before.count, packsAfter: before.count,
                                           bytesBefore: bytesBefore, bytesAfter: bytesBefore)
        guard plan.isWorthDoing(loose: loose.count) else { return unchanged }
        let rolled = candidates.prefix(plan.packs).map(\.pack)

        var builder: OpaquePointer?
        try GitError.check(git_packbuilder_new(&builder, pointer), operation: "start a roll-up of small packs")
        defer { git_packbuilder_free(builder) }
        _ = git_packbuilder_set_threads(builder, 0)
        var oldObjects: [String: [ObjectID]] = [:]
        for pack in rolled {
            let objects = try objectIDs(ofPack: pack)
            oldObjects[pack.name] = objects
            for id in objects {
                var oid = id.oid
                try GitError.check(git_packbuilder_insert(builder, &oid, nil), operation: "pack object \(id) of \(pack.name)")
            }
        }
        var packedLoose: [LooseObject] = []
        for object in loose {
            var oid = object.id.oid
            let result = git_packbuilder_insert(builder, &oid, nil)
            // A loose object removed meanwhile (another process packed it) is simply not packed.
            if result == GitError.Code.notFound.rawValue { continue }
            try GitError.check(result, operation: "pack the loose object \(object.id)", path: object.path)
            packedLoose.append(object)
        }
        let count = Int(git_packbuilder_object_count(builder))
        guard count > 0 else { return unchanged }
        let newPack = try writePack(builder, count: count, tips: [], into: packFolder, checkpoint: checkpoint)
        checkpoint?(MaintenanceCheckpoint.packPublished.rawValue)

        let redundant = rolled.filter { $0.name != newPack.name && (oldObjects[$0.name] ?? []).allSatisfy(newPack.objects.contains) }
        try removePacks(redundant, in: packFolder, checkpoint: checkpoint)
        let packed = packedLoose.filter { newPack.objects.contains($0.id) }
        // Every object whose loose file goes is read back from the published pack alone first.
        try readBack(packed.map(\.id), fromPack: packFolder + "/" + newPack.name + ".idx")
        let removed = try removeLooseObjects(packed, checkpoint: checkpoint)
        let after = try PackFile.list(in: packFolder)
        return MaintenanceOutcome(work: .rollUp, packsBefore: before.count, packsAfter: after.count, bytesBefore: bytesBefore,
                                  bytesAfter: after.reduce(0) { $0 + $1.bytes }, objectsWritten: count,
                                  packsReplaced: redundant.count, looseObjectsPacked: packedLoose.count, looseObjectsRemoved: removed)
    }

    /// Removes `packs` (each a complete pack whose objects are all in a verified pack now, or
    /// expired), the multi-pack-index first; reaches ``MaintenanceCheckpoint/duringPackRemoval``
    /// half way and ``MaintenanceCheckpoint/afterPackRemoval`` at the end. With
    /// `unlessFreshened`, a pack whose `.pack` was modified after `PackFile.modified` was read
    /// stays: git and libgit2 freshen an object by touching its pack, so one of its expired
    /// objects may be needed again. Returns the packs removed.
    @discardableResult
    func removePacks(_ packs: [PackFile], in packFolder: String, unlessFreshened: Bool = false,
                     checkpoint: ((String) -> Void)?) throws(GitError) -> [PackFile] {
        if !packs.isEmpty { try PackFile.removeMultiPackIndex(in: packFolder) }
        var removed: [PackFile] = []
        for (position, pack) in packs.enumerated() {
            if position == packs.count / 2 { checkpoint?(MaintenanceCheckpoint.duringPackRemoval.rawValue) }
            if unlessFreshened, let stat = FileStat.of(pack.path(".pack")), stat.mtime.seconds > pack.modified { continue }
            try pack.remove()
            removed.append(pack)
        }
        checkpoint?(MaintenanceCheckpoint.afterPackRemoval.rawValue)
        return removed
    }

    /// Removes the loose object files `objects` (each already in a verified pack, or expired),
    /// reaching ``MaintenanceCheckpoint/duringLoosePrune`` half way; returns how many went. A
    /// file already gone (another process pruned it) is not an error.
    func removeLooseObjects(_ objects: [LooseObject], checkpoint: ((String) -> Void)?) throws(GitError) -> Int {
        var removed = 0
        var folders = Set<String>()
        for (position, object) in objects.enumerated() {
            if position == objects.count / 2 { checkpoint?(MaintenanceCheckpoint.duringLoosePrune.rawValue) }
            if unlink(object.path) == 0 {
                removed += 1
            } else if errno != ENOENT {
                throw PackFile.osError("remove the loose object \(object.id)", path: object.path)
            }
            folders.insert(String(object.path.prefix(upTo: object.path.lastIndex(of: "/") ?? object.path.endIndex)))
        }
        // Fan-out folders left empty go, as git's prune-packed removes them: rmdir only succeeds
        // on an empty folder, and a writer that loses the race recreates it (git and libgit2 both
        // create the folder before writing an object into it).
        for folder in folders.sorted() { _ = rmdir(folder) }
        return removed
    }
}
