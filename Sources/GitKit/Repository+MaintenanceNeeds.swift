import Foundation

extension Repository {
    /// Looks at the object folders without reading any object: how many packs and loose
    /// objects there are, and whether `policy` says maintenance is due.
    ///
    /// It reads the folder listings (the fan-out folders that exist among them, to count the loose
    /// objects exactly; once the biggest pack is big enough for the share rule, their sizes too)
    /// and the first kilobyte of each pack's index (its object count).
    /// Maintenance is due past `packLimit` packs or `looseObjectLimit` loose objects, or as soon
    /// as a roll-up is worth it: `looseRollUpLimit` loose objects, or `rollUpPackLimit` packs
    /// outside the geometric progression. The work is cheap when the roll-up it calls for writes
    /// at most `policy.cheapObjectLimit` objects and leaves no more than `packLimit` packs
    /// (otherwise a full repack follows it). A full repack is due when the packs, loose objects
    /// and cruft packs have outgrown the biggest pack (see `MaintenancePolicy.fullRepackShare`),
    /// and never cheap when the packs alone have.
    public func maintenanceNeeds(policy: MaintenancePolicy = .standard) throws(GitError) -> MaintenanceNeeds {
        let objects = gitDirectory.appending(path: "objects").path(percentEncoded: false)
        let all = try PackFile.list(in: objects + "/pack")
        let packs = all.filter { !$0.isKept }
        // Sizing the loose files costs a stat each: only worth it when the big pack is big enough
        // for the share rule to apply. Counted and sized in one walk of the fan-out folders.
        let sized = packs.contains { !$0.isCruft && $0.bytes >= policy.fullRepackMinimumBytes }
        let (loose, looseBytes) = LooseObject.census(in: objects, sizing: sized)
        let candidates = packs.filter { !$0.isCruft }.map { $0.objectCount() ?? 0 }
        let plan = GeometricRollUp(counts: candidates, loose: loose, factor: policy.geometricFactor)
        let outgrown = PackFile.outgrowBiggest(packs, looseBytes: looseBytes, policy: policy)
        // Loose objects that tip the share are folded by the roll-up itself (their pack holds
        // deltas between them): the work stays cheap unless the packs alone outgrow the biggest.
        let packsOutgrown = outgrown && PackFile.outgrowBiggest(packs, looseBytes: 0, policy: policy)
        let isDue = packs.count > policy.packLimit || loose > policy.looseObjectLimit
            || loose >= policy.looseRollUpLimit || plan.packs >= policy.rollUpPackLimit || outgrown
        let packsAfter = packs.count - plan.packs + 1
        let isCheap = isDue && !packsOutgrown && plan.objects <= policy.cheapObjectLimit && packsAfter <= policy.packLimit
        return MaintenanceNeeds(packs: packs.count, looseObjects: loose, isDue: isDue, isCheap: isCheap, rollUpObjects: plan.objects,
                                packBytes: all.reduce(0) { $0 + $1.bytes })
    }
}
