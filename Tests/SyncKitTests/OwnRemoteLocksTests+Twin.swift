import Foundation
import GitKit
import TestSupport
@testable import SyncKit
import Testing

/// Locks taken with a twin, as a push takes them where the file system has hard links: recorded
/// before anything exists, proven the taker's by being the twin's file. Each test leaves what a
/// push killed at one moment leaves (twin only, twin and lock, lock and another device's, twin
/// and moved branch) and runs the next sync.
extension OwnRemoteLocksTests {
    /// What a push killed at some moment leaves: its record (the lock's path and its twin's, taken
    /// by `holder`) and, as asked, the twin written and the lock linked to it.
    private func leaveTwin(in world: SyncWorld, by holder: ProcessIdentity, linked: Bool) throws -> FolderRefLock {
        let folder = world.remote.appending(path: "refs/heads").path(percentEncoded: false)
        let value = String(repeating: "a", count: 40)
        let lock = FolderRefLock(path: folder + "/main.lock", gitDirectory: world.remote.path(percentEncoded: false),
                                 twin: folder + "/main.hearth-taking-1-abc.lock", value: value)
        try own(world).record(lock, by: holder)
        try Data((value + "\n").utf8).write(to: URL(fileURLWithPath: lock.twin))
        if linked { #expect(link(lock.twin, lock.path) == 0) }
        return lock
    }

    private func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    @Test("a lock that is its recorded twin's file, its taker gone, is removed with the twin, and the sync pushes")
    func deadTwinnedLock() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let lock = try leaveTwin(in: world, by: try Self.exitedProcess(), linked: true)
            try world.write("laptop", "notes/a.md", "a\n")
            var removed: [String] = []
            let report = try sync(world) { removed.append($0) }
            #expect(removed == [lock.path])
            #expect(report.outcome == .pushed)
            #expect(!exists(lock.path) && !exists(lock.twin), "the lock or its twin stayed")
            #expect(try records(in: world).isEmpty, "the record outlived its lock")
        }
    }

    @Test("a lock that is its recorded twin's file, its taker running, stays with the twin, refused by name")
    func liveTwinnedLock() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let lock = try leaveTwin(in: world, by: .current, linked: true)
            try expectRefused(lock, world)
            #expect(exists(lock.twin), "a running taker's twin was removed")
            #expect(try records(in: world).count == 1, "the record of a live holder was dropped")
        }
    }

    @Test("a twin never linked (killed before the lock was taken) is removed, and the sync pushes")
    func unlinkedTwin() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let lock = try leaveTwin(in: world, by: try Self.exitedProcess(), linked: false)
            try world.write("laptop", "notes/a.md", "a\n")
            var removed: [String] = []
            let report = try sync(world) { removed.append($0) }
            #expect(removed.isEmpty, "no lock was there to remove: \(removed)")
            #expect(report.outcome == .pushed)
            #expect(!exists(lock.twin), "the twin stayed")
            #expect(try records(in: world).isEmpty)
        }
    }

    @Test("another device's lock at the recorded path is refused and stays; the taker's own unlinked twin goes")
    func anotherDevicesLockBesideATwin() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let lock = try leaveTwin(in: world, by: try Self.exitedProcess(), linked: false)
            // The same bytes, dated back so the sync judges it at once: but not the twin's file.
            try Data((lock.value + "\n").utf8).write(to: URL(fileURLWithPath: lock.path))
            try FileManager.default.setAttributes([.modificationDate: Self.anHourAgo], ofItemAtPath: lock.path)
            try expectRefused(lock, world)
            #expect(!exists(lock.twin), "the dead taker's twin stayed")
            #expect(try records(in: world).isEmpty, "a record that proves nothing any more was kept")
        }
    }

    @Test("a twin left linked to the moved branch (killed after the rename) is removed; the branch stays as it is")
    func twinOfTheMovedBranch() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            try world.write("laptop", "notes/a.md", "a\n")
            let first = try sync(world)
            let branch = world.remote.appending(path: "refs/heads/main").path(percentEncoded: false)
            let before = try #require(FileStat.of(branch))
            let lock = try leaveTwin(in: world, by: try Self.exitedProcess(), linked: false)
            // The twin is the branch's file now, as after the lock's rename.
            #expect(unlink(lock.twin) == 0 && link(branch, lock.twin) == 0)
            #expect(try own(world).recover().isEmpty)
            #expect(!exists(lock.twin), "the twin stayed")
            let after = try #require(FileStat.of(branch), "the branch's file went with its twin")
            #expect(after.inode == before.inode)
            #expect(try String(contentsOfFile: branch, encoding: .utf8) == (first.head ?? "") + "\n")
            #expect(try records(in: world).isEmpty)
        }
    }

    @Test("a lock that cannot be moved (a read-only remote) stays, and so does its record", .enabled(if: ImmutableFolder.available))
    func unmovableLock() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let lock = try leaveTwin(in: world, by: try Self.exitedProcess(), linked: true)
            let folder = (lock.path as NSString).deletingLastPathComponent
            try #require(ImmutableFolder.set(folder, true))
            defer { ImmutableFolder.set(folder, false) }
            #expect(try own(world).recover().isEmpty)
            #expect(exists(lock.path) && exists(lock.twin))
            #expect(try records(in: world).count == 1, "the record of a lock still there was dropped")
            ImmutableFolder.set(folder, false)
            #expect(try own(world).recover() == [lock.path], "once it can be moved")
            #expect(!exists(lock.path) && !exists(lock.twin))
        }
    }
}
