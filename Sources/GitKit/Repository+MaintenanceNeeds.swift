import Foundation

extension Repository {
    /// Looks at the object folders without reading any object: how many packs and (roughly) how
    /// many loose objects there are, and whether `policy` says maintenance is due.
    ///
    /// It reads the folder listings, one fan-out folder (`objects/17`, whose count times 256
    /// estimates the loose objects, as git's `gc --auto` does) and the first kilobyte of each
    /// pack's index (its object count). The work is cheap when the roll-up it calls for writes at
    /// most `policy.cheapObjectLimit` objects and leaves no more than `packLimit` packs (otherwise
    /// a full repack follows it).
    public func maintenanceNeeds(policy: MaintenancePolicy = .standard) throws(GitError) -> MaintenanceNeeds {
        let objects = gitDirectory.appending(path: "objects").path(percentEncoded: false)
        let all = try PackFile.list(in: objects + "/pack")
        let packs = all.filter { !$0.isKept }
        let sample = (try? FileManager.default.contentsOfDirectory(atPath: objects + "/17")) ?? []
        let loose = sample.filter { $0.count == 38 }.count * 256
        let isDue = packs.count > policy.packLimit || loose > policy.looseObjectLimit
        let candidates = packs.filter { !$0.isCruft }.map { $0.objectCount() ?? 0 }
        let plan = GeometricRollUp(counts: candidates, loose: loose, factor: policy.geometricFactor)
        let packsAfter = packs.count - plan.packs + 1
        let isCheap = isDue && plan.objects <= policy.cheapObjectLimit && packsAfter <= policy.packLimit
        return MaintenanceNeeds(packs: packs.count, looseObjects: loose, isDue: isDue, isCheap: isCheap, rollUpObjects: plan.objects,
                                packBytes: all.reduce(0) { $0 + $1.bytes })
    }
}
