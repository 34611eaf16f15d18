import Foundation
@testable import GitKit
import TestSupport
import Testing

/// `packData(reachableFrom:hiding:)` and `importPack(_:)`, the two ends of an encrypted remote's
/// transfer, between repositories the git CLI made and checks: the receiving repository holds
/// every object (git fsck --strict with a branch at the tip), an incremental pack holds only what
/// is new, and bytes that are not a valid pack add nothing.
struct PackTransferTests {
    @Test func fullThenIncrementalPacksRebuildTheHistoryElsewhere() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            try git("init", "-q", "-b", "main")
            for round in 0..<5 {
                try scratch.write("entries/\(round).md", "entry \(round)\n" + String(repeating: "words of round \(round)\n", count: 20))
                try scratch.write("journal.md", (0...round).map { "day \($0)\n" }.joined())
                try git.commitAll("round \(round)")
            }
            let first = try ObjectID(hex: git("rev-parse", "HEAD")).unwrap()
            let receiver = try scratch.bareRemote("receiver.git")
            let source = try Repository.open(at: scratch.root)
            let full = try source.packData(reachableFrom: [first], hiding: [])
            #expect(full.objectCount == Set(try git("rev-list", "--objects", "HEAD").split(separator: "\n").map { $0.prefix(40) }).count)

            let target = try Repository.open(at: receiver.url)
            let imported = try target.importPack(full.data)
            #expect(imported.objectCount == full.objectCount)
            #expect(target.containsObject(first))
            try receiver.git("update-ref", "refs/heads/main", first.description)
            try receiver.git.expectFsckClean()

            for round in 5..<8 {
                try scratch.write("entries/\(round).md", "entry \(round)\n")
                try scratch.write("journal.md", (0...round).map { "day \($0)\n" }.joined())
                try git.commitAll("round \(round)")
            }
            let second = try ObjectID(hex: git("rev-parse", "HEAD")).unwrap()
            let incremental = try source.packData(reachableFrom: [second], hiding: [first])
            // Three commits, three root trees, the entries folder's three trees, six blobs.
            #expect(incremental.objectCount == 3 + 3 + 3 + 6)
            #expect(!target.containsObject(second))
            try target.importPack(incremental.data)
            #expect(target.containsObject(second))
            try receiver.git("update-ref", "refs/heads/main", second.description)
            try receiver.git.expectFsckClean()
            #expect(try receiver.git("rev-list", "--count", "main") == "8")
            // Nothing left in quarantine, one pack per import.
            let objects = receiver.url.appending(path: "objects")
            #expect(try FileManager.default.contentsOfDirectory(atPath: objects.path(percentEncoded: false)).allSatisfy { !$0.hasPrefix("incoming-") })
            #expect(try receiver.git.countObjects()["packs"] == 2)

            // Nothing new to send: an empty pack.
            #expect(try source.packData(reachableFrom: [second], hiding: [second]).objectCount == 0)
        }
    }

    @Test func bytesThatAreNotAWholePackAddNothing() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            try git("init", "-q", "-b", "main")
            try scratch.write("a.md", String(repeating: "a line\n", count: 200))
            try git.commitAll("one")
            let tip = try ObjectID(hex: git("rev-parse", "HEAD")).unwrap()
            let pack = try Repository.open(at: scratch.root).packData(reachableFrom: [tip], hiding: []).data
            let receiver = try scratch.bareRemote("receiver.git")
            let target = try Repository.open(at: receiver.url)
            var flipped = pack
            flipped[flipped.count / 2] ^= 0x40
            for broken in [pack.prefix(pack.count - 7), pack.prefix(12), flipped, Data("not a pack at all".utf8)] {
                #expect(throws: GitError.self) { try target.importPack(Data(broken)) }
            }
            #expect(!target.containsObject(tip))
            #expect(try receiver.git.countObjects()["packs"] == 0)
            #expect(try FileManager.default.contentsOfDirectory(atPath: receiver.url.appending(path: "objects").path(percentEncoded: false))
                .allSatisfy { !$0.hasPrefix("incoming-") })
        }
    }

    @Test func aPackWhoseBaseHistoryIsMissingIsRefused() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            try git("init", "-q", "-b", "main")
            try scratch.write("a.md", "one\n")
            try git.commitAll("one")
            let first = try ObjectID(hex: git("rev-parse", "HEAD")).unwrap()
            try scratch.write("b.md", "two\n")
            try git.commitAll("two")
            let second = try ObjectID(hex: git("rev-parse", "HEAD")).unwrap()
            let incremental = try Repository.open(at: scratch.root).packData(reachableFrom: [second], hiding: [first])
            let receiver = try scratch.bareRemote("receiver.git")
            // The receiver lacks `first`: a pack that points at history it does not hold would
            // leave a branch naming missing objects.
            #expect(throws: GitError.self) { try Repository.open(at: receiver.url).importPack(incremental.data) }
            #expect(try receiver.git.countObjects()["packs"] == 0)
        }
    }
}

private extension Optional {
    func unwrap(sourceLocation: SourceLocation = #_sourceLocation) throws -> Wrapped {
        try #require(self, sourceLocation: sourceLocation)
    }
}
