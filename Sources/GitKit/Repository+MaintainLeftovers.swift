import Foundation

extension Repository {
    /// How long a leftover must have gone untouched before maintenance removes it: an hour.
    /// A live writer keeps touching its file or folder as it writes (a quarantine's newest file,
    /// a fetch's growing temporary pack), and every writer of them finishes or fails within
    /// minutes (hearth's repacks and folder pushes run under a lock, its network transfers under a
    /// stall watchdog); an hour without a write means the process died. The loose and packed
    /// objects themselves get the full grace period instead: those are what another process may
    /// be about to reference.
    static let leftoverAge: TimeInterval = 3600

    /// Removes what dead processes left under `objects/`: hearth's quarantine folders
    /// (`incoming-hearth-*`, of a repack or a folder push) and the temporary files of libgit2
    /// and git (`pack/pack_git2_*`, `pack/tmp_*`, `tmp_obj_*` and `tmp_object_git2_*` in
    /// `objects/` and its fan-out folders, a commit graph's `objects/info/commit-graph.lock`),
    /// and half-published or half-removed packs (a `.pack` without its `.idx`, or the other way
    /// round), each when nothing in it was modified for
    /// ``leftoverAge``. Returns how many were removed; one that cannot be removed is left for next time.
    func removeLeftovers(now: Date) -> Int {
        let objectsFolder = gitDirectory.appending(path: "objects").path(percentEncoded: false)
        let cutoff = Int64(now.timeIntervalSince1970 - Self.leftoverAge)
        var removed = 0
        let manager = FileManager.default
        let top = (try? manager.contentsOfDirectory(atPath: objectsFolder)) ?? []
        for name in top where name.hasPrefix("incoming-hearth-") {
            let folder = objectsFolder + "/" + name
            let contents = (try? manager.subpathsOfDirectory(atPath: folder)) ?? []
            let newest = ([folder] + contents.map { folder + "/" + $0 }).compactMap { FileStat.of($0)?.mtime.seconds }.max() ?? .max
            if newest <= cutoff, (try? manager.removeItem(atPath: folder)) != nil { removed += 1 }
        }
        var temporary: [String] = []
        let isTemporary = { (name: String) in name.hasPrefix("tmp_") || name.hasPrefix("pack_git2_") || name.hasPrefix("tmp_object_git2_") }
        temporary += ((try? manager.contentsOfDirectory(atPath: objectsFolder + "/pack")) ?? []).filter(isTemporary)
            .map { objectsFolder + "/pack/" + $0 }
        temporary += top.filter(isTemporary).map { objectsFolder + "/" + $0 }
        // A commit graph's lock file, left by a run killed while writing it, would stop every
        // later graph from being written.
        temporary += ((try? manager.contentsOfDirectory(atPath: objectsFolder + "/info")) ?? [])
            .filter { $0 == "commit-graph.lock" }.map { objectsFolder + "/info/" + $0 }
        for fanout in top where fanout.utf8.count == 2 {
            temporary += ((try? manager.contentsOfDirectory(atPath: objectsFolder + "/" + fanout)) ?? []).filter(isTemporary)
                .map { objectsFolder + "/" + fanout + "/" + $0 }
        }
        for path in temporary {
            guard let stat = FileStat.of(path), stat.mtime.seconds <= cutoff else { continue }
            if unlink(path) == 0 { removed += 1 }
        }
        return removed + removeHalfPublishedPacks(in: objectsFolder + "/pack", cutoff: cutoff)
    }

    /// Removes the files of packs whose partner is missing: a `.pack` without its `.idx`, or an
    /// `.idx`, `.rev`, `.bitmap` or `.mtimes` without its `.pack`, when none of the pack's files
    /// was modified after `cutoff`. A kill between the renames that publish a pack, or part way
    /// through removing one, leaves them; git and libgit2 read neither, and a writer that is
    /// still publishing renames its files within moments. `.keep` and `.promisor` files stay.
    /// Returns how many files went.
    private func removeHalfPublishedPacks(in packFolder: String, cutoff: Int64) -> Int {
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: packFolder)) ?? [])
        let suffixes = [".pack", ".mtimes", ".rev", ".bitmap", ".idx"]
        var bases = Set<String>()
        for name in names where name.hasPrefix("pack-") {
            for suffix in suffixes where name.hasSuffix(suffix) { bases.insert(String(name.dropLast(suffix.count))) }
        }
        var removed = 0
        for base in bases.sorted() where !(names.contains(base + ".pack") && names.contains(base + ".idx")) {
            let files = suffixes.filter { names.contains(base + $0) }.map { packFolder + "/" + base + $0 }
            guard files.allSatisfy({ (FileStat.of($0)?.mtime.seconds ?? .max) <= cutoff }) else { continue }
            for file in files where unlink(file) == 0 { removed += 1 }
        }
        return removed
    }
}
