import Foundation

extension Repository {
    /// Looks at the object folders without reading any object: how many packs and (roughly) how
    /// many loose objects there are, and whether `policy` says maintenance is due.
    public func maintenanceNeeds(policy: MaintenancePolicy = .standard) throws(GitError) -> MaintenanceNeeds {
        let objects = gitDirectory.appending(path: "objects").path(percentEncoded: false)
        let packs = try PackFile.list(in: objects + "/pack").filter { !$0.isKept }.count
        let sample = (try? FileManager.default.contentsOfDirectory(atPath: objects + "/17")) ?? []
        let loose = sample.filter { $0.count == 38 }.count * 256
        let isDue = packs > policy.packLimit || loose > policy.looseObjectLimit
        return MaintenanceNeeds(packs: packs, looseObjects: loose, isDue: isDue, isCheap: false)
    }
}
