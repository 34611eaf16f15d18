import Foundation
import GitKit
import TestSupport
import Testing

/// `Repository.maintain(full: true)` as a repack, on repositories the git CLI made with many packs
/// (one per fetch, one per commit), checked with `git fsck`, `git count-objects` and the list of
/// every object git sees.
struct RepackTests {
    @Test func repackLeavesOnePackAndLosesNothing() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            try git("init", "-q", "-b", "main")
            // A second device whose commits reach this one only as remote-tracking history.
            let remote = try scratch.bareRemote()
            let other = try scratch.cliClone(of: remote.url, into: "other")
            try git("remote", "add", "origin", remote.url.path(percentEncoded: false))
            for round in 0..<6 {
                try scratch.write("other-\(round).md", "from the other device, round \(round)\n", in: other)
                try other.commitAll("other \(round)")
                try other("push", "-q", "origin", "HEAD:main")
                // unpackLimit=1 keeps every fetched pack, as a sync does: one pack per fetch.
                try git("-c", "gc.auto=0", "-c", "fetch.unpackLimit=1", "fetch", "-q", "origin")
                try scratch.write("entries/\(round).md", String(repeating: "line \(round)\n", count: 40 + round))
                // A file that grows every round: its versions are what deltas are for.
                try scratch.write("journal.md", (0...round).map { "day \($0): " + String(repeating: "words ", count: 30) + "\n" }.joined())
                try git.commitAll("entry \(round)")
                try git("-c", "gc.auto=0", "repack", "-d", "-q")
            }
            // Objects reachable only from an annotated tag, a tag of a blob, a detached HEAD and
            // the index, in a pack of their own; the last commit stays loose and leaves the
            // index's blob out of it.
            try git("-c", "user.name=T", "-c", "user.email=t@example.com", "tag", "-a", "-m", "first week", "week-1", "HEAD~3")
            let taggedBlob = try scratch.hashObject("a blob only a tag names\n")
            try git("tag", "blob-tag", taggedBlob)
            try git("checkout", "-q", "--detach")
            try scratch.write("detached.md", "only HEAD knows me\n")
            try git.commitAll("detached")
            try scratch.write("draft.md", "added, never committed\n")
            try git("add", "draft.md")
            let draft = try git("rev-parse", ":draft.md")
            try git("-c", "gc.auto=0", "repack", "-d", "-q")
            try scratch.write("entries/loose.md", "never packed by git\n")
            try git("add", "entries/loose.md")
            try git("-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", "loose", "--", "entries/loose.md")
            #expect(try git.run(["rev-parse", "-q", "--verify", "HEAD:draft.md"]).status != 0, "only the index holds draft.md")
            let looseCommit = try git("rev-parse", "HEAD")

            let packsBefore = try git.countObjects()["packs"] ?? 0
            let objectsBefore = try git.allObjects()
            let commitsBefore = try git("log", "--all", "--oneline").split(separator: "\n").count
            #expect((try git.countObjects()["count"] ?? 0) > 0)
            #expect(packsBefore == 13)
            #expect(commitsBefore == 6 + 6 + 2)

            let repository = try Repository.open(at: scratch.root)
            let outcome = try repository.maintain(full: true)

            #expect(outcome.packsBefore == packsBefore)
            // Whatever the git commands above left unreachable goes, young, into a cruft pack.
            let cruftPacks = outcome.unreachableObjectsKept > 0 ? 1 : 0
            #expect(outcome.packsAfter == 1 + cruftPacks)
            #expect(outcome.packsReplaced == packsBefore)
            #expect(outcome.unreachableObjectsPruned == 0)
            let packFolder = scratch.root.appending(path: ".git/objects/pack")
            let newPack = try #require(try Scratch.packNames(in: packFolder).first {
                !FileManager.default.fileExists(atPath: packFolder.appending(path: $0 + ".mtimes").path(percentEncoded: false))
            })
            let packed = try packObjects(newPack, in: scratch.root.appending(path: ".git/objects/pack"), git)
            #expect(outcome.objectsWritten == packed.objects.count + outcome.unreachableObjectsKept)
            #expect(packed.deltas > 0)
            #expect(packed.objects.isSuperset(of: [looseCommit, draft, taggedBlob]))
            #expect(outcome.bytesBefore > outcome.bytesAfter)
            #expect(outcome.bytesAfter == (try packBytes(in: scratch.root.appending(path: ".git/objects/pack"))))

            let counts = try git.countObjects()
            #expect(counts["packs"] == 1 + cruftPacks)
            #expect(counts["garbage"] == 0)
            #expect(counts["count"] == 0, "the loose objects are in the new pack")
            try git.expectFsckClean()
            #expect(try git.allObjects() == objectsBefore)
            #expect(try git("log", "--all", "--oneline").split(separator: "\n").count == commitsBefore)
            #expect(try git("cat-file", "-p", draft) == "added, never committed")
            // The handle that repacked, and a new one, still read old history.
            let first = try repository.resolve(revision: "main~5")
            #expect(try repository.fileContents(path: "entries/0.md", inCommit: first) == Data(String(repeating: "line 0\n", count: 40).utf8))
            #expect(try Repository.open(at: scratch.root).fileContents(path: "entries/0.md", inCommit: first) != nil)
            #expect(try scratch.git.run(["rev-parse", "--verify", "-q", "refs/tags/week-1^{tag}"]).status == 0)
        }
    }

    @Test func keptPackStaysAndUnreachableObjectsAreCarriedAndASecondRepackIsHarmless() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            try scratch.commitsInPacksOfTheirOwn(4)
            let packFolder = scratch.root.appending(path: ".git/objects/pack")
            let kept = try #require(try Scratch.packNames(in: packFolder).first)
            try Data().write(to: packFolder.appending(path: kept + ".keep"))
            // A branch deleted after its commit was packed: its commit, tree and blob are in a
            // pack that nothing reaches. A blob nothing reaches stays loose.
            try git("checkout", "-q", "-b", "scrap")
            try scratch.write("scrap.md", "abandoned\n")
            try git.commitAll("scrap")
            try git("checkout", "-q", "main")
            try git("-c", "gc.auto=0", "repack", "-d", "-q")
            try git("branch", "-q", "-D", "scrap")
            try git("reflog", "expire", "--expire=now", "--all")
            let unreachable = try scratch.hashObject("nothing points here\n")
            let objectsBefore = try git.allObjects()

            let repository = try Repository.open(at: scratch.root)
            let outcome = try repository.maintain(full: true)
            #expect(outcome.packsBefore == 5)
            #expect(outcome.packsAfter == 3, "the kept pack, the reachable objects' and the young unreachable ones'")
            #expect(outcome.packsReplaced == 4)
            #expect(try Scratch.packNames(in: packFolder).contains(kept))
            #expect(outcome.unreachableObjectsKept == 4 && outcome.unreachableObjectsPruned == 0)
            #expect(FileManager.default.fileExists(atPath: packFolder.appending(path: kept + ".keep").path(percentEncoded: false)))
            #expect(try git("cat-file", "-p", unreachable) == "nothing points here")
            #expect(try git.allObjects() == objectsBefore)
            try git.expectFsckClean()

            let again = try repository.maintain(full: true)
            #expect(again.packsBefore == 3)
            #expect(again.packsAfter == 3)
            #expect(again.objectsWritten == outcome.objectsWritten)
            #expect(try Scratch.packNames(in: packFolder).contains(kept))
            #expect(try git.allObjects() == objectsBefore)
            try git.expectFsckClean()
        }
    }

    /// A folder remote's shape: bare, no index, one pack per push, and a multi-pack-index.
    @Test func bareRepositoryWithMultiPackIndex() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            try remote.git("config", "receive.unpackLimit", "1")
            let device = try scratch.cliClone(of: remote.url, into: "device")
            for round in 0..<5 {
                try scratch.write("day-\(round).md", "day \(round)\n", in: device)
                try device.commitAll("day \(round)")
                try device("push", "-q", "origin", "HEAD:main")
            }
            try remote.git("multi-pack-index", "write")
            let packsBefore = try remote.git.countObjects()["packs"] ?? 0
            let objectsBefore = try remote.git.allObjects()
            #expect(packsBefore == 5)

            let outcome = try Repository.open(at: remote.url).maintain(full: true)
            #expect(outcome.packsBefore == 5 && outcome.packsAfter == 1)
            #expect(try remote.git.countObjects()["packs"] == 1)
            #expect(!FileManager.default.fileExists(atPath: remote.url.appending(path: "objects/pack/multi-pack-index").path(percentEncoded: false)))
            #expect(try remote.git.allObjects() == objectsBefore)
            try remote.git.expectFsckClean()
            #expect(try device("pull", "-q", "--ff-only", "origin", "main").isEmpty)
        }
    }

    @Test func referenceToAMissingObjectFailsAndChangesNothing() throws {
        try Scratch.with { scratch in
            try scratch.commitsInPacksOfTheirOwn(3)
            let missing = "0123456789abcdef0123456789abcdef01234567"
            try Data((missing + "\n").utf8).write(to: scratch.root.appending(path: ".git/refs/heads/broken"))
            let objects = scratch.root.appending(path: ".git/objects")
            let before = try FileManager.default.subpathsOfDirectory(atPath: objects.path(percentEncoded: false)).sorted()

            let error = #expect(throws: GitError.self) { try Repository.open(at: scratch.root).maintain(full: true) }
            #expect(error?.code == .notFound)
            #expect(error?.operation.contains(missing) == true && error?.operation.contains("refs/heads/broken") == true, "\(String(describing: error))")
            #expect(try FileManager.default.subpathsOfDirectory(atPath: objects.path(percentEncoded: false)).sorted() == before)
        }
    }

    @Test func emptyRepositoryIsLeftAlone() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            let objects = scratch.root.appending(path: ".git/objects")
            let entriesBefore = try FileManager.default.contentsOfDirectory(atPath: objects.path(percentEncoded: false)).sorted()
            let outcome = try repository.maintain(full: true)
            #expect(outcome.packsBefore == 0 && outcome.packsAfter == 0 && outcome.objectsWritten == 0 && outcome.bytesAfter == 0, "\(outcome)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: objects.path(percentEncoded: false)).sorted() == entriesBefore)
            #expect(try Scratch.packNames(in: objects.appending(path: "pack")).isEmpty)
            try scratch.git.expectFsckClean()
        }
    }

    // MARK: - What git sees

    /// The objects the pack `name` holds and how many are stored as deltas, as `git verify-pack`
    /// reads them (after checking the pack).
    private func packObjects(_ name: String, in folder: URL, _ git: GitCLI) throws -> (objects: Set<String>, deltas: Int) {
        let lines = try git("verify-pack", "-v", folder.appending(path: name + ".idx").path(percentEncoded: false)).split(separator: "\n")
        // An object's line: "<id> <type> <size> <size in pack> <offset> [<depth> <base id>]".
        let objects = lines.map { $0.split(separator: " ") }.filter { $0.count >= 5 && $0[0].count == 40 && $0[0].allSatisfy(\.isHexDigit) }
        return (Set(objects.map { String($0[0]) }), objects.filter { $0.count == 7 }.count)
    }

    /// The bytes of the `.pack` and `.idx` files in `folder`.
    private func packBytes(in folder: URL) throws -> Int64 {
        try FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))
            .filter { $0.hasSuffix(".pack") || $0.hasSuffix(".idx") }
            .map { try FileManager.default.attributesOfItem(atPath: folder.appending(path: $0).path(percentEncoded: false))[.size] as? Int64 ?? -1 }
            .reduce(0, +)
    }
}
