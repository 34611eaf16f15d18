import Foundation
import SyncKit
import TestSupport
import Testing

extension SyncDiskFullTests {
    @Test("a disk too full for the new pack: a clear error, the old packs and every object kept, maintenance works once there is room",
          .enabled(if: SyncDiskFullTests.canMount), arguments: [MaintenanceScope.rollUp, .full])
    func maintenanceFails(_ scope: MaintenanceScope) throws {
        try SyncWorld.with(devices: ["laptop"], files: ["notes/a.md": "alpha\n"]) { world in
            try withSmallDevice(world, "small", size: "8m") {
                // Random bytes do not compress: three packs of 300 kB each, which a new pack must hold again.
                var random = SystemRandomNumberGenerator()
                for round in 0..<3 {
                    try world.write("laptop", "notes/photo-\(round).md",
                                    bytes: (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &random) })
                    try world.sync("laptop")
                    try world.sync("small")
                }
                let small = world.root("small")
                let git = world.git("small")
                let packFolder = small.appending(path: ".git/objects/pack").path(percentEncoded: false)
                let listing = try FileManager.default.contentsOfDirectory(atPath: packFolder).sorted()
                let objects = try git("cat-file", "--batch-all-objects", "--batch-check")
                #expect(listing.filter { $0.hasSuffix(".pack") }.count >= 3, "\(listing)")
                // Leave 200 kB: less than the new pack needs.
                let free = try #require(try FileManager.default.attributesOfFileSystem(forPath: small.path(percentEncoded: false))[.systemFreeSize]
                    as? Int)
                let filler = small.appending(path: ".git/filler")
                try Data(count: max(free - 200_000, 0)).write(to: filler)

                #expect {
                    try Syncer(root: small).maintain(scope)
                } throws: { error in
                    guard case SyncError.git = error else { return false }
                    return "\(error)".contains("No space left on device") || "\(error)".lowercased().contains("space")
                }
                #expect(try FileManager.default.contentsOfDirectory(atPath: packFolder).sorted() == listing)
                #expect(try git("cat-file", "--batch-all-objects", "--batch-check") == objects)
                let leftovers = try FileManager.default.contentsOfDirectory(atPath: small.appending(path: ".git/objects").path(percentEncoded: false))
                    .filter { $0.hasPrefix("incoming-") }
                #expect(leftovers.isEmpty, "\(leftovers)")
                try world.fsck("small")

                try FileManager.default.removeItem(at: filler)
                let report = try Syncer(root: small).maintain(scope)
                #expect(report.packsAfter == 1, "\(report)")
                try world.fsck("small")
                try world.write("small", "notes/a.md", "alpha\nafter maintenance\n")
                try world.sync("small")
                try world.sync("laptop")
                #expect(world.read("laptop", "notes/a.md") == "alpha\nafter maintenance\n")
            }
        }
    }
}
