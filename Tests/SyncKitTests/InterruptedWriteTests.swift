import Foundation
import GitKit
@testable import SyncKit
import TestSupport
import Testing

/// Locks a sync killed mid-write leaves (the notebook's `index.lock`, a folder remote's branch
/// lock) are cleared by the next sync when its own marker names them, and only then.
@Suite("Interrupted writes")
struct InterruptedWriteTests {
    /// Leaves what a sync killed inside a marked step leaves: the marker and the lock file.
    /// `ago` moves the marker and the lock that far into the past: a remote's lock that has not
    /// changed for a while is reported at once rather than waited for.
    func leaveBehind(_ marker: InterruptedWrite, in world: SyncWorld, device: String, lockAge: TimeInterval = 0,
                     holding contents: String = "", ago: TimeInterval = 0) throws {
        let repository = try Repository.open(at: world.root(device))
        marker.begin(repository)
        let lock = try #require(marker.locks.first)
        try Data(contents.utf8).write(to: URL(fileURLWithPath: lock))
        if lockAge != 0 || ago != 0 {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: lockAge - ago)], ofItemAtPath: lock)
        }
        if ago != 0 {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -ago)], ofItemAtPath: marker.path(repository))
        }
    }

    func localMarker(_ world: SyncWorld, _ device: String) -> InterruptedWrite {
        InterruptedWrite(name: InterruptedWrite.local,
                         locks: [world.root(device).appending(path: ".git/index.lock").path(percentEncoded: false)],
                         value: nil, window: 60)
    }

    @Test("an index lock left by a sync killed while writing the index is removed and the sync goes through")
    func killedIndexWrite() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let marker = localMarker(world, "laptop")
            try leaveBehind(marker, in: world, device: "laptop", holding: "DIRC partial")
            try world.write("laptop", "notes/a.md", "a\n")
            let report = try world.sync("laptop")
            #expect(report.snapshot != nil)
            #expect(!FileManager.default.fileExists(atPath: marker.locks[0]))
            #expect(try world.git("laptop")("status", "--porcelain").isEmpty)
        }
    }

    @Test("an index lock taken long after the killed sync's step belongs to someone else and stays")
    func laterIndexLockStays() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let marker = localMarker(world, "laptop")
            // Created 10 minutes after the marker: a git command the user started since.
            try leaveBehind(marker, in: world, device: "laptop", lockAge: 600)
            try world.write("laptop", "notes/a.md", "a\n")
            #expect {
                try world.sync("laptop")
            } throws: { error in
                // The message names the lock and what to do about it.
                "\(error)".contains(marker.locks[0] + " exists") && "\(error)".contains("delete that file")
            }
            #expect(FileManager.default.fileExists(atPath: marker.locks[0]))
        }
    }

    @Test("resolve after a sync killed while writing the index: the lock is cleared and the resolution committed")
    func resolveAfterAKilledSync() throws {
        let path = SyncIntegrationTests.path
        try SyncWorld.with(devices: ["laptop", "desk"], files: [path: SyncIntegrationTests.day]) { world in
            try world.edit("laptop", path, replacing: "energy: 3", with: "energy: 1")
            try world.edit("desk", path, replacing: "energy: 3", with: "energy: 5")
            try world.sync("laptop")
            try world.sync("desk")
            let conflicts = try world.conflicts("desk")
            try #require(conflicts.count == 1)
            let marker = localMarker(world, "desk")
            try leaveBehind(marker, in: world, device: "desk")
            let resolver = try ConflictResolver(root: world.root("desk"))
            _ = try resolver.resolve(try resolver.records(matching: conflicts[0].id, entryPath: nil), choice: .keep(device: "laptop"))
            #expect(!FileManager.default.fileExists(atPath: marker.locks[0]))
            #expect(world.read("desk", path)?.contains("energy: 1\n") == true)
            #expect(try world.conflicts("desk").isEmpty)
            #expect(try world.git("desk")("status", "--porcelain").isEmpty)
        }
    }
}
