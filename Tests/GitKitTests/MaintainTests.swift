import Foundation
import GitKit
import TestSupport
import Testing

/// `Repository.maintain`: the geometric roll-up and its prune of packed loose objects, the full
/// repack with its cruft pack and grace period, leftovers, on repositories the git CLI made and
/// checked with `git fsck --strict`, `git count-objects -v` and `git repack --cruft`.
struct MaintainTests {
    static let day: TimeInterval = 24 * 3600

    @Test(arguments: [
        // counts, loose, packs rolled up
        ([120, 3, 3, 3], 6, 3),  // the small ones and the loose objects; 120 >= 2 x 15 stays
        ([120, 3, 3, 3], 0, 3),
        ([120, 50, 20, 8], 0, 0),  // already a progression
        ([120, 50, 20, 8], 1, 0),  // only the loose object: 8 >= 2 x 1
        ([120, 50, 20, 8], 5, 4),  // 8 < 2 x 5, then 20 < 2 x 13, 50 < 2 x 33, 120 < 2 x 83: all of them
        ([100, 60], 0, 2),  // 100 < 2 x 60
        ([1], 0, 0),
        ([], 10, 0),
    ])
    func geometricRollUpRollsWhatBreaksTheProgression(_ counts: [Int], _ loose: Int, _ rolled: Int) {
        let plan = GeometricRollUp(counts: counts, loose: loose, factor: 2)
        #expect(plan.packs == rolled)
        #expect(plan.objects == loose + counts.sorted().prefix(rolled).reduce(0, +))
    }

    @Test func rollUpLeavesTheBigPackAndKeptPacksAndPacksTheSmallOnesAndTheLooseObjects() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            try git("init", "-q", "-b", "main")
            for round in 0..<40 {
                try scratch.write("old-\(round).md", "old entry \(round)\n")
                try git.commitAll("old \(round)")
            }
            try git("-c", "gc.auto=0", "repack", "-a", "-d", "-q")
            let packFolder = scratch.root.appending(path: ".git/objects/pack")
            let big = try #require(try Scratch.packNames(in: packFolder).first)
            try scratch.commitsInPacksOfTheirOwn(4, from: 40, initialize: false)
            let kept = try #require(try Scratch.packNames(in: packFolder).filter { $0 != big }.first)
            try Data().write(to: packFolder.appending(path: kept + ".keep"))
            let keptBytes = try Data(contentsOf: packFolder.appending(path: kept + ".pack"))
            for round in 0..<2 {
                try scratch.write("new-\(round).md", "new entry \(round)\n")
                try git.commitAll("new \(round)")
            }
            let loose = try git.countObjects()["count"] ?? 0
            #expect(loose == 6)
            let objectsBefore = try git.allObjects()

            let repository = try Repository.open(at: scratch.root)
            let outcome = try repository.maintain(full: false)
            #expect(outcome.work == .rollUp)
            #expect(outcome.packsBefore == 5 && outcome.packsAfter == 3, "\(outcome)")
            #expect(outcome.packsReplaced == 3)
            #expect(outcome.looseObjectsPacked == loose && outcome.looseObjectsRemoved == loose)
            #expect(outcome.objectsWritten == 3 * 3 + loose)
            let after = try Scratch.packNames(in: packFolder)
            #expect(after.contains(big) && after.contains(kept), "\(after)")
            #expect(try Data(contentsOf: packFolder.appending(path: kept + ".pack")) == keptBytes)
            #expect(try git.countObjects()["count"] == 0)
            #expect(try git.countObjects()["garbage"] == 0)
            #expect(try git.allObjects() == objectsBefore)
            #expect(try scratch.emptyFanouts().isEmpty, "prune-packed leaves no empty objects/XX folder")
            try git.expectFsckClean()

            // The packs now grow geometrically: nothing to do, nothing rewritten.
            let again = try repository.maintain(full: false)
            #expect(again.work == .nothing)
            #expect(try Scratch.packNames(in: packFolder).sorted() == after.sorted())
        }
    }

    /// As git's incremental maintenance: a hundred loose objects, or ten small packs outside the
    /// progression, make a roll-up due long before the `gc --auto` bounds.
    @Test func aRollUpIsDueAtAHundredLooseObjectsOrTenSmallPacks() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            try git("init", "-q", "-b", "main")
            let repository = try Repository.open(at: scratch.root)
            for index in 0..<99 { try scratch.write("loose/\(index).md", "loose \(index)\n") }
            try git("add", "-A")
            let below = try repository.maintenanceNeeds()
            #expect(below.looseObjects == 99 && !below.isDue, "\(below)")
            try scratch.write("loose/99.md", "loose 99\n")
            try git("add", "-A")
            let at = try repository.maintenanceNeeds()
            #expect(at.looseObjects == 100 && at.isDue && at.isCheap, "\(at)")
            try repository.maintain(full: false)
            #expect(try repository.maintenanceNeeds().looseObjects == 0)

            try git.commitAll("loose")
            try git("-c", "gc.auto=0", "repack", "-a", "-d", "-q")
            try scratch.commitsInPacksOfTheirOwn(9, initialize: false)
            let nine = try repository.maintenanceNeeds()
            #expect(nine.packs == 10 && !nine.isDue, "\(nine)")
            try scratch.commitsInPacksOfTheirOwn(1, from: 9, initialize: false)
            let ten = try repository.maintenanceNeeds()
            #expect(ten.packs == 11 && ten.isDue && ten.isCheap, "\(ten)")
            #expect(try repository.maintain(full: false).packsAfter == 2)
            try git.expectFsckClean()
        }
    }

    /// Packs that outgrow the biggest one make a full repack due, never cheap, and a roll-up then
    /// runs the full repack (unless told not to, as within a sync): a roll-up's pack has no deltas
    /// against the big pack, so only that brings the repository back to one pack. Below the
    /// policy's minimum size nothing changes.
    @Test func packsThatOutgrowTheBiggestMakeAFullRepackDue() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            try scratch.commitsInPacksOfTheirOwn(40)
            let repository = try Repository.open(at: scratch.root)
            try repository.maintain(full: true)
            try scratch.commitsInPacksOfTheirOwn(3, from: 40, initialize: false)
            let packs = try Scratch.packNames(in: scratch.root.appending(path: ".git/objects/pack")).count
            #expect(packs == 4)

            let unlimited = MaintenancePolicy(fullRepackShare: 100, fullRepackMinimumBytes: 1)
            #expect(try !repository.maintenanceNeeds(policy: unlimited).isDue, "three small packs are not due by themselves")
            let large = MaintenancePolicy(fullRepackShare: 0.01)
            #expect(try !repository.maintenanceNeeds(policy: large).isDue, "a biggest pack under the minimum size")
            // The three small packs are rolled into one beside the big pack; its share still tips.
            let policy = MaintenancePolicy(fullRepackShare: 0.01, fullRepackMinimumBytes: 1)
            let needs = try repository.maintenanceNeeds(policy: policy)
            #expect(needs.isDue && !needs.isCheap, "\(needs)")
            // A sync's roll-up (`fullIfDue: false`) leaves the full repack due for a later run.
            let rolled = try repository.maintain(full: false, policy: policy, fullIfDue: false)
            #expect(rolled.work != .full && rolled.packsAfter == 2, "\(rolled)")
            #expect(try repository.maintenanceNeeds(policy: policy).isDue)
            let outcome = try repository.maintain(full: false, policy: policy)
            #expect(outcome.work == .full && outcome.packsAfter == 1, "\(outcome)")
            #expect(try !repository.maintenanceNeeds(policy: policy).isDue)
            try git.expectFsckClean()
        }
    }

    /// The share rule counts the loose objects' bytes and the cruft packs beside the small packs,
    /// since all of them take room a packed copy does not; a cruft pack alone never makes a full
    /// repack due (it could not drop young objects), nor when what a full repack could fold in is
    /// under half the share.
    @Test func looseObjectsAndCruftPacksCountTowardTheFullRepackShare() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            try scratch.commitsInPacksOfTheirOwn(20)
            // A big pack well above the loose objects and the cruft pack to come.
            for seed in 10..<20 { try scratch.write("noise-\(seed).md", noise(seed: seed)) }
            try git.commitAll("noise")
            // Young garbage: a deleted branch with a blob zlib cannot shrink much.
            _ = try abandonedBranch("scrap", files: ["scrap.md": noise(seed: 1)], scratch)
            try git("reflog", "expire", "--expire=now", "--all")
            let repository = try Repository.open(at: scratch.root)
            try repository.maintain(full: true)
            let packFolder = scratch.root.appending(path: ".git/objects/pack")
            let names = try Scratch.packNames(in: packFolder)
            let cruftName = try #require(names.first { fileSize(packFolder.appending(path: $0 + ".mtimes")) > 0 })
            func packBytes(_ name: String) -> Double {
                fileSize(packFolder.appending(path: name + ".pack")) + fileSize(packFolder.appending(path: name + ".idx"))
            }
            let big = packBytes(try #require(names.first { $0 != cruftName }))
            let cruft = packBytes(cruftName)
            func policy(share: Double) -> MaintenancePolicy { MaintenancePolicy(fullRepackShare: share, fullRepackMinimumBytes: 1) }
            #expect(names.count == 2 && cruft > 1_000, "one pack and the scrap's cruft pack: \(names), \(cruft) bytes")
            #expect(try !repository.maintenanceNeeds(policy: policy(share: 0.001)).isDue, "the cruft pack alone is never due")

            // Three loose objects: no roll-up is due for so few, only the share rule can make it due.
            let loose = try (2...4).reduce(0.0) { total, seed in
                total + fileSize(looseFile(try scratch.hashObject(noise(seed: seed)), scratch))
            }
            #expect(loose > cruft, "the loose objects outweigh the cruft pack: \(loose) and \(cruft) bytes")
            #expect(try !repository.maintenanceNeeds(policy: policy(share: 100)).isDue, "three loose objects alone are not due")
            // Loose objects and the cruft pack together past the share, the loose ones alone under it.
            let together = policy(share: (loose + cruft) / big * 0.99)
            #expect(loose <= together.fullRepackShare * big)
            let needs = try repository.maintenanceNeeds(policy: together)
            #expect(needs.isDue && needs.isCheap, "a roll-up folds loose objects, so it stays cheap: \(needs)")
            // What a full repack could fold in under half the share: the cruft pack does not tip it.
            #expect(try !repository.maintenanceNeeds(policy: policy(share: loose / big * 2.01)).isDue)
            // The loose objects alone well past the share: the roll-up is followed by a full repack
            // (its pack of them still past it: noise has no deltas to share).
            let looseAlone = policy(share: loose / big * 0.5)
            #expect(try repository.maintenanceNeeds(policy: looseAlone).isDue)
            let outcome = try repository.maintain(full: false, policy: looseAlone)
            #expect(outcome.work == .full && outcome.unreachableObjectsKept > 0, "\(outcome)")
            #expect(try !repository.maintenanceNeeds(policy: looseAlone).isDue, "only the cruft pack is left beside the big one")
            try git.expectFsckClean()
        }
    }

    /// Every loose object is read back from the new pack before its file goes, not a sample: a
    /// pack damaged after its check leaves every loose file in place.
    @Test func rollUpReadsBackEveryLooseObjectBeforeRemovingIt() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            try git("init", "-q", "-b", "main")
            for index in 0..<200 { try scratch.write("loose/\(index).md", "loose object \(index), unlike the others\n") }
            try git("add", "-A")
            let packFolder = scratch.root.appending(path: ".git/objects/pack")
            #expect(throws: GitError.self) {
                try Repository.open(at: scratch.root).maintain(full: false) { checkpoint in
                    guard checkpoint == MaintenanceCheckpoint.packPublished.rawValue,
                          let pack = try? Scratch.packNames(in: packFolder).first else { return }
                    let path = packFolder.appending(path: pack + ".pack").path(percentEncoded: false)
                    _ = chmod(path, 0o644)
                    guard let handle = FileHandle(forUpdatingAtPath: path), let size = try? handle.seekToEnd() else { return }
                    try? handle.seek(toOffset: size * 2 / 5)
                    try? handle.write(contentsOf: Data(repeating: 0, count: Int(size / 5)))
                    try? handle.close()
                }
            }
            #expect(try git.countObjects()["count"] == 200, "a loose object went with only a damaged pack holding it")
        }
    }

    @Test func aLooseObjectWrittenWhileTheRollUpRunsIsNotRemoved() throws {
        try Scratch.with { scratch in
            try scratch.commitsInPacksOfTheirOwn(3)
            try scratch.write("loose.md", "loose\n")
            try scratch.git.commitAll("loose")
            var late: String?
            let outcome = try Repository.open(at: scratch.root).maintain(full: false) { checkpoint in
                if checkpoint == MaintenanceCheckpoint.packWritten.rawValue { late = try? scratch.hashObject("written meanwhile\n") }
            }
            let lateID = try #require(late)
            #expect(outcome.looseObjectsRemoved == 3)
            #expect(try scratch.git.has(lateID))
            #expect(try scratch.git.countObjects()["count"] == 1, "only the late object is loose")
            #expect(try scratch.git("cat-file", "-p", lateID) == "written meanwhile")
            try scratch.git.expectFsckClean()
        }
    }

    @Test func fullKeepsYoungUnreachableObjectsInACruftPackGitReadsAndDropsOldOnes() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            try scratch.commitsInPacksOfTheirOwn(3)
            let packFolder = scratch.root.appending(path: ".git/objects/pack")
            // A blob git freshens: its loose file is put back, young, after its pack is aged.
            let freshened = try scratch.hashObject("freshened\n")
            let freshPath = scratch.root.appending(path: ".git/objects/\(freshened.prefix(2))/\(freshened.dropFirst(2))")
            let freshBytes = try Data(contentsOf: freshPath)
            let old = try abandonedBranch("old-scrap", files: ["old.md": "old scrap\n", "fresh.md": "freshened\n"], scratch)
            let oldPack = try #require(try Scratch.packNames(in: packFolder).first { try packHolds($0, old.commit, packFolder, git) })
            let young = try abandonedBranch("young-scrap", files: ["young.md": "young scrap\n"], scratch)
            let youngPack = try #require(try Scratch.packNames(in: packFolder).first { try packHolds($0, young.commit, packFolder, git) })
            try git("reflog", "expire", "--expire=now", "--all")
            try age(packFolder.appending(path: oldPack + ".pack"), days: 20)
            try age(packFolder.appending(path: youngPack + ".pack"), days: 3)
            try FileManager.default.createDirectory(at: freshPath.deletingLastPathComponent(), withIntermediateDirectories: true)
            try freshBytes.write(to: freshPath)
            let oldLoose = try scratch.hashObject("old loose\n")
            let tenDays = try scratch.hashObject("ten days loose\n")
            let threeDays = try scratch.hashObject("three days loose\n")
            try age(looseFile(oldLoose, scratch), days: 30)
            try age(looseFile(tenDays, scratch), days: 10)
            try age(looseFile(threeDays, scratch), days: 3)
            // A young commit nothing reaches, whose tree names an old blob: the blob must stay with it.
            let oldButNamed = try scratch.hashObject("old, but a young commit names it\n")
            try age(looseFile(oldButNamed, scratch), days: 30)
            let treeInput = scratch.base.appending(path: "tree-input")
            try Data("100644 blob \(oldButNamed)\tnamed.md\n".utf8).write(to: treeInput)
            let tree = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "git mktree < \"$1\"", "sh", treeInput.path(percentEncoded: false)],
                                             in: scratch.root, environment: ["PATH": "/usr/bin:/bin", "HOME": git.home.path(percentEncoded: false)])
                .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let youngCommit = try git("-c", "user.name=T", "-c", "user.email=t@example.com", "commit-tree", "-m", "never on a branch", tree)
            let reachable = try git("rev-list", "--all", "--objects").split(separator: "\n").map { String($0.prefix(40)) }

            let outcome = try Repository.open(at: scratch.root).maintain(full: true)
            #expect(outcome.work == .full)
            for id in [old.commit, try #require(old.blobs["old.md"]), oldLoose] { #expect(try !git.has(id), "\(id) outlived its grace") }
            for id in young.all + [freshened, tenDays, threeDays, youngCommit, tree, oldButNamed] {
                #expect(try git.has(id), "\(id) was dropped while young, or named by a young object")
            }
            for id in reachable { #expect(try git.has(id)) }
            // Young: the young branch's commit, tree and blob, the freshened blob, two loose blobs,
            // the loose commit and tree and the old blob they name.
            #expect(outcome.unreachableObjectsKept == 9, "\(outcome)")
            // Old: the old branch's commit, tree and blob, and the old loose blob.
            #expect(outcome.unreachableObjectsPruned == 4, "\(outcome)")
            #expect(try git.countObjects()["count"] == 0)
            #expect(try git.countObjects()["packs"] == 2)
            #expect(try git.countObjects()["garbage"] == 0)
            let cruft = try #require(try FileManager.default.contentsOfDirectory(atPath: packFolder.path(percentEncoded: false))
                .first { $0.hasSuffix(".mtimes") })
            try git.expectFsckClean()

            // git reads each object's own time from the .mtimes: at seven days, only the
            // ten-day-old blob expires (the pack file itself is as young as the youngest object).
            try git("repack", "-d", "-q", "--cruft", "--cruft-expiration=7.days.ago")
            #expect(try !git.has(tenDays))
            for id in young.all + [freshened, threeDays, youngCommit, oldButNamed] + reachable {
                #expect(try git.has(id), "git dropped \(id) from \(cruft)")
            }
            try git.expectFsckClean()
        }
    }

    /// git and libgit2 freshen an object by touching the pack that holds it, when a new commit
    /// needs it again: a pack touched after the full repack read its time is not removed.
    @Test func fullKeepsAnOldPackFreshenedWhileItRuns() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            let (scrap, packFolder) = try expiredScrapBranch("needed again\n", scratch)
            let blob = try #require(scrap.blobs["scrap.md"])
            let scrapPack = try #require(try Scratch.packNames(in: packFolder).first { try packHolds($0, blob, packFolder, git) })
            let scrapFile = packFolder.appending(path: scrapPack + ".pack")

            try Repository.open(at: scratch.root).maintain(full: true) { checkpoint in
                if checkpoint == MaintenanceCheckpoint.cruftPublished.rawValue { try? self.age(scrapFile, days: 0) }
            }
            #expect(try git.has(blob), "the freshened pack was removed with the blob a new commit needs")
            try scratch.write("scrap.md", "needed again\n")
            try git.commitAll("needs the blob")
            try git.expectFsckClean()
        }
    }

    /// git's gc writes a commit-graph; once a pruned commit is gone it would name a missing
    /// commit, which `git fsck` reports.
    @Test func fullRemovesTheCommitGraphWhenItPrunesACommit() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            let (scrap, _) = try expiredScrapBranch("scrap\n", scratch)
            try git("commit-graph", "write")
            #expect(try git("commit-graph", "verify").isEmpty)

            let outcome = try Repository.open(at: scratch.root).maintain(full: true)
            #expect(outcome.unreachableObjectsPruned == 3, "\(outcome)")
            #expect(try !git.has(scrap.commit))
            try git.expectFsckClean()
            #expect(try git("rev-list", "--count", "HEAD") == "2")
        }
    }

    /// A full run writes the commit graph afresh, in the format libgit2 reads (git verifies it
    /// against the commits), and a lock file a killed run left does not stop it once
    /// the lock is an hour old.
    @Test func fullWritesTheCommitGraphForEveryReachableCommit() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            try scratch.commitsInPacksOfTheirOwn(3)
            let graph = scratch.root.appending(path: ".git/objects/info/commit-graph")
            let lock = scratch.root.appending(path: ".git/objects/info/commit-graph.lock")
            try FileManager.default.createDirectory(at: graph.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("killed".utf8).write(to: lock)
            try age(lock, days: 1)
            #expect(!FileManager.default.fileExists(atPath: graph.path(percentEncoded: false)))

            let repository = try Repository.open(at: scratch.root)
            #expect(try !repository.maintain(full: false).commitGraphWritten, "a roll-up leaves the graph alone")
            let outcome = try repository.maintain(full: true)
            #expect(outcome.commitGraphWritten, "\(outcome)")
            #expect(!FileManager.default.fileExists(atPath: lock.path(percentEncoded: false)))
            #expect(try git("commit-graph", "verify").isEmpty)
            try git.expectFsckClean()
        }
    }

    /// A folder remote (a bare repository) is only walked from its tips, by the devices' fetches,
    /// each of which would hash the whole graph to load it: a full run writes none there and
    /// removes the one it had; the history stays whole.
    @Test func fullLeavesABareRepositoryWithoutACommitGraph() throws {
        try Scratch.with { scratch in
            try scratch.commitsInPacksOfTheirOwn(3)
            let (url, remote) = try scratch.bareRemote()
            try scratch.git("push", "-q", url.path(percentEncoded: false), "main")
            try remote("commit-graph", "write", "--reachable")
            let graph = url.appending(path: "objects/info/commit-graph").path(percentEncoded: false)
            #expect(FileManager.default.fileExists(atPath: graph))
            let commits = try remote("rev-list", "--count", "main")

            let outcome = try Repository.open(at: url).maintain(full: true)
            #expect(outcome.work == .full && !outcome.commitGraphWritten, "\(outcome)")
            #expect(!FileManager.default.fileExists(atPath: graph))
            #expect(try remote("rev-list", "--count", "main") == commits)
            try remote.expectFsckClean()

            // The notebook itself still gets one.
            #expect(try Repository.open(at: scratch.root).maintain(full: true).commitGraphWritten)
        }
    }

    /// The cruft pack's file carries its newest object's time, so a git that ignores `.mtimes`
    /// shortens no object's grace; the next full repack still reads each object's own time.
    @Test func cruftPackCarriesItsNewestTimeAndEachObjectExpiresOnItsOwn() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            try scratch.commitsInPacksOfTheirOwn(1)
            let packFolder = scratch.root.appending(path: ".git/objects/pack")
            let tenDays = try scratch.hashObject("ten days\n")
            let threeDays = try scratch.hashObject("three days\n")
            try age(looseFile(tenDays, scratch), days: 10)
            try age(looseFile(threeDays, scratch), days: 3)
            let repository = try Repository.open(at: scratch.root)
            #expect(try repository.maintain(full: true).unreachableObjectsKept == 2)
            let cruft = try #require(try Scratch.packNames(in: packFolder).first {
                FileManager.default.fileExists(atPath: packFolder.appending(path: $0 + ".mtimes").path(percentEncoded: false))
            })
            let stamp = try #require(try FileManager.default.attributesOfItem(
                atPath: packFolder.appending(path: cruft + ".pack").path(percentEncoded: false))[.modificationDate] as? Date)
            #expect(abs(stamp.timeIntervalSinceNow + 3 * Self.day) < 120, "the cruft pack's time is \(stamp)")

            let later = try repository.maintain(full: true, now: Date().addingTimeInterval(5 * Self.day))
            #expect(later.unreachableObjectsPruned == 1, "\(later)")
            #expect(try !git.has(tenDays))
            #expect(try git.has(threeDays))
            try git.expectFsckClean()
        }
    }

    @Test func fullKeepsWhatTheReflogsAndKeptPacksHoldHoweverOld() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            try scratch.commitsInPacksOfTheirOwn(3)
            let packFolder = scratch.root.appending(path: ".git/objects/pack")
            let kept = try #require(try Scratch.packNames(in: packFolder).first)
            try Data().write(to: packFolder.appending(path: kept + ".keep"))
            try scratch.write("undone.md", "undone\n")
            try git.commitAll("undone")
            let undone = try git("rev-parse", "HEAD")
            try git("reset", "-q", "--hard", "HEAD~1")
            for pack in try Scratch.packNames(in: packFolder) { try age(packFolder.appending(path: pack + ".pack"), days: 60) }
            for object in ["undone.md"] {
                let id = try git("rev-parse", "\(undone):\(object)")
                try age(looseFile(id, scratch), days: 60)
            }
            try age(looseFile(undone, scratch), days: 60)
            let keptBytes = try Data(contentsOf: packFolder.appending(path: kept + ".pack"))

            let outcome = try Repository.open(at: scratch.root).maintain(full: true)
            #expect(outcome.unreachableObjectsPruned == 0, "\(outcome)")
            #expect(try git("cat-file", "-t", undone) == "commit", "the reflog names it")
            #expect(try Data(contentsOf: packFolder.appending(path: kept + ".pack")) == keptBytes)
            try git.expectFsckClean()
        }
    }

    @Test func leftoversOlderThanAnHourGoAndYoungerOnesStay() throws {
        try Scratch.with { scratch in
            try scratch.commitsInPacksOfTheirOwn(1)
            let objects = scratch.root.appending(path: ".git/objects")
            let oldQuarantine = objects.appending(path: "incoming-hearth-old")
            let newQuarantine = objects.appending(path: "incoming-hearth-new")
            for folder in [oldQuarantine, newQuarantine] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data("half a pack".utf8).write(to: folder.appending(path: "pack-1.pack"))
            }
            let oldFiles = [objects.appending(path: "pack/tmp_pack_abc"), objects.appending(path: "pack/pack_git2_abc"),
                            objects.appending(path: "tmp_obj_abc")]
            let newFiles = [objects.appending(path: "pack/tmp_idx_new"), objects.appending(path: "pack/pack_git2_new")]
            for file in oldFiles + newFiles { try Data("partial".utf8).write(to: file) }
            for item in oldFiles + [oldQuarantine, oldQuarantine.appending(path: "pack-1.pack")] { try age(item, days: 1.0 / 12) }
            // A quarantine whose folder is old but whose pack is still being written is not a leftover.
            try age(newQuarantine, days: 1)

            let outcome = try Repository.open(at: scratch.root).maintain(full: false)
            #expect(outcome.leftoversRemoved == 4)
            for item in oldFiles + [oldQuarantine] { #expect(!FileManager.default.fileExists(atPath: item.path(percentEncoded: false))) }
            for item in newFiles + [newQuarantine] { #expect(FileManager.default.fileExists(atPath: item.path(percentEncoded: false))) }
            try scratch.git.expectFsckClean()
        }
    }

    /// A kill between the renames that publish a pack, or while removing one, leaves a `.pack`
    /// without its `.idx` or the other way round: gone after an hour, a young one stays.
    @Test func halfPublishedPacksOlderThanAnHourGo() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            try scratch.commitsInPacksOfTheirOwn(2)
            let packFolder = scratch.root.appending(path: ".git/objects/pack")
            let packs = try Scratch.packNames(in: packFolder).sorted()
            let source = packFolder.appending(path: packs[0] + ".pack")
            let fake = { (digit: Character) in "pack-" + String(repeating: digit, count: 40) }
            let orphanPack = packFolder.appending(path: fake("a") + ".pack")
            let youngPack = packFolder.appending(path: fake("b") + ".pack")
            let orphanIndex = packFolder.appending(path: fake("c") + ".idx")
            let orphanReverse = packFolder.appending(path: fake("c") + ".rev")
            for item in [orphanPack, youngPack] { try FileManager.default.copyItem(at: source, to: item) }
            try FileManager.default.copyItem(at: packFolder.appending(path: packs[0] + ".idx"), to: orphanIndex)
            try Data("RIDX".utf8).write(to: orphanReverse)
            for item in [orphanPack, orphanIndex, orphanReverse] { try age(item, days: 1) }
            for pack in packs { try age(packFolder.appending(path: pack + ".pack"), days: 1) }

            let outcome = try Repository.open(at: scratch.root).maintain(full: false)
            #expect(outcome.leftoversRemoved == 3, "\(outcome)")
            for item in [orphanPack, orphanIndex, orphanReverse] { #expect(!FileManager.default.fileExists(atPath: item.path(percentEncoded: false))) }
            #expect(FileManager.default.fileExists(atPath: youngPack.path(percentEncoded: false)))
            #expect(try git("rev-list", "--count", "HEAD") == "2")
            try git.expectFsckClean()
        }
    }

    /// Hundreds of syncs as a device sees them (a pack per fetch, loose objects per commit) with
    /// maintenance whenever it is due: the pack count never goes past the limit, nothing is lost.
    @Test func packCountStaysBoundedOverManySyncs() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            let policy = MaintenancePolicy(packLimit: 6, looseObjectLimit: 6_700)
            try git("init", "-q", "-b", "main")
            let repository = try Repository.open(at: scratch.root)
            var rounds = 0, runs = 0, cheap = 0
            for round in 0..<48 {
                try scratch.write("entry-\(round % 7).md", "round \(round)\n")
                try git.commitAll("round \(round)")
                // A pack per fetch, as a sync leaves; the commit's objects stay loose too.
                try git("-c", "gc.auto=0", "repack", "-q")
                let needs = try repository.maintenanceNeeds(policy: policy)
                #expect(needs.packs <= policy.packLimit + 1, "round \(round): \(needs)")
                if needs.isDue {
                    if needs.isCheap { cheap += 1 }
                    let outcome = try repository.maintain(full: false, policy: policy)
                    #expect(outcome.packsAfter <= policy.packLimit, "round \(round): \(outcome)")
                    runs += 1
                }
                rounds += 1
            }
            #expect(runs >= 5 && cheap == runs, "\(runs) runs, \(cheap) cheap")
            #expect(try git("rev-list", "--count", "HEAD") == "\(rounds)")
            try git.expectFsckClean()
            #expect(try repository.maintenanceNeeds(policy: MaintenancePolicy(packLimit: 0, cheapObjectLimit: 1)).isCheap == false)
        }
    }

    // MARK: - Helpers

    /// A branch with one commit of `files`, packed in a pack of its own, then deleted: its commit,
    /// tree and blobs are unreachable (once the reflogs are expired).
    private func abandonedBranch(_ name: String, files: [String: String], _ scratch: Scratch) throws -> (commit: String, blobs: [String: String], all: [String]) {
        let git = scratch.git
        try git("checkout", "-q", "-b", name)
        for (path, text) in files { try scratch.write(path, text) }
        try git.commitAll(name)
        let commit = try git("rev-parse", "HEAD")
        let tree = try git("rev-parse", "HEAD^{tree}")
        var blobs: [String: String] = [:]
        for path in files.keys { blobs[path] = try git("rev-parse", "HEAD:\(path)") }
        try git("-c", "gc.auto=0", "repack", "-d", "-q")
        try git("checkout", "-q", "main")
        try git("branch", "-q", "-D", name)
        for path in files.keys { try? scratch.remove(path) }
        return (commit, blobs, [commit, tree] + blobs.values.sorted())
    }

    /// Two commits, each in a pack, and a deleted branch `scrap` whose commit, tree and blob
    /// (`scrap.md` holding `text`) nothing reaches, its reflog expired; every pack 30 days old.
    private func expiredScrapBranch(_ text: String, _ scratch: Scratch) throws -> (scrap: (commit: String, blobs: [String: String], all: [String]), packFolder: URL) {
        try scratch.commitsInPacksOfTheirOwn(2)
        let packFolder = scratch.root.appending(path: ".git/objects/pack")
        let scrap = try abandonedBranch("scrap", files: ["scrap.md": text], scratch)
        try scratch.git("reflog", "expire", "--expire=now", "--all")
        for pack in try Scratch.packNames(in: packFolder) { try age(packFolder.appending(path: pack + ".pack"), days: 30) }
        return (scrap, packFolder)
    }

    private func packHolds(_ pack: String, _ id: String, _ folder: URL, _ git: GitCLI) throws -> Bool {
        try git("verify-pack", "-v", folder.appending(path: pack + ".idx").path(percentEncoded: false)).contains(id)
    }

    private func looseFile(_ id: String, _ scratch: Scratch) -> URL {
        scratch.root.appending(path: ".git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
    }

    /// About 10 KB of words that differ with `seed` and that zlib cannot shrink much.
    private func noise(seed: Int) -> String {
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (0..<2_000).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return String(state >> 40, radix: 36)
        }.joined(separator: " ") + "\n"
    }

    /// The size of the file at `url` in bytes; 0 when there is none.
    private func fileSize(_ url: URL) -> Double {
        ((try? FileManager.default.attributesOfItem(atPath: url.path(percentEncoded: false)))?[.size] as? NSNumber)?.doubleValue ?? 0
    }

    /// git's `gc.reflogExpire`: a full run drops reflog entries older than 90 days (every sync
    /// adds some, and each keeps objects alive), keeps each reflog's newest entry and the young
    /// ones, and leaves alone a reflog whose lock another program holds.
    @Test func fullExpiresReflogEntriesOlderThanNinetyDays() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            try git("init", "-q", "-b", "main")
            var commits: [String] = []
            for n in 0..<3 {
                try scratch.write("e\(n).md", "entry \(n)\n")
                try git.commitAll("entry \(n)")
                commits.append(try git("rev-parse", "HEAD"))
            }
            let zero = String(repeating: "0", count: 40)
            func line(_ old: String, _ new: String, daysAgo: Double) -> String {
                "\(old) \(new) T <t@example.com> \(Int(Date().timeIntervalSince1970 - daysAgo * Self.day)) +0000\tcommit: x\n"
            }
            func writeReflogs() throws {
                try scratch.write(".git/logs/refs/heads/main", line(zero, commits[0], daysAgo: 200)
                                  + line(commits[0], commits[1], daysAgo: 120) + line(commits[1], commits[2], daysAgo: 10))
                try scratch.write(".git/logs/HEAD", line(zero, commits[0], daysAgo: 200)
                                  + line(commits[0], commits[1], daysAgo: 150) + line(commits[1], commits[2], daysAgo: 100))
            }
            func entries(_ name: String) throws -> [String] {
                try git("reflog", "show", "--format=%H", name).split(separator: "\n").map(String.init)
            }
            try writeReflogs()
            let outcome = try Repository.open(at: scratch.root).maintain(full: true)
            #expect(outcome.reflogEntriesExpired == 4)
            #expect(try entries("main") == [commits[2]])
            // HEAD's entries are all old: its newest stays.
            #expect(try entries("HEAD") == [commits[2]])
            #expect(try git("fsck", "--strict", "--no-progress").isEmpty)

            // A reflog another program is rewriting (its lock taken) keeps its entries; the
            // reference's own lock is never taken, so a killed run cannot leave it behind.
            try writeReflogs()
            try scratch.write(".git/logs/refs/heads/main.lock", "")
            let locked = try Repository.open(at: scratch.root).maintain(full: true)
            #expect(locked.reflogEntriesExpired == 2)
            #expect(try entries("main") == commits.reversed())
            #expect(try entries("HEAD") == [commits[2]])
            #expect(FileManager.default.fileExists(atPath: scratch.root.appending(path: ".git/logs/refs/heads/main.lock").path(percentEncoded: false)))
            #expect(!FileManager.default.fileExists(atPath: scratch.root.appending(path: ".git/refs/heads/main.lock").path(percentEncoded: false)))
        }
    }

    private func age(_ item: URL, days: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-days * Self.day)],
                                              ofItemAtPath: item.path(percentEncoded: false))
    }
}
