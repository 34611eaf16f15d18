import Foundation
import GitKit
@testable import SyncKit
import Testing

/// A branch lock a killed sync of this device's left in a folder remote is removed by the next
/// sync when its record proves it so (the same file, its taker gone); any other lock stays and
/// is refused by name, as a lock no device can prove dead always was.
@Suite("Own remote locks")
struct OwnRemoteLocksTests {
    @Test("a recorded lock whose taker is gone is removed, reported, and the sync pushes")
    func deadOwnLock() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let lock = try leaveLock(in: world)
            try own(world).record(lock, by: try Self.exitedProcess())
            try world.write("laptop", "notes/a.md", "a\n")
            var removed: [String] = []
            let report = try sync(world) { removed.append($0) }
            #expect(removed == [lock.path])
            #expect(report.outcome == .pushed)
            #expect(!FileManager.default.fileExists(atPath: lock.path))
            #expect(try String(contentsOf: world.remote.appending(path: "refs/heads/main"), encoding: .utf8) == (report.head ?? "") + "\n")
            #expect(try records(in: world).isEmpty, "the record outlived its lock")
        }
    }

    @Test("a recorded lock whose taker still runs stays, and the sync refuses it by name")
    func liveOwnLock() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let lock = try leaveLock(in: world)
            // This test process took it, as far as the record says, and is running.
            try own(world).record(lock, by: .current)
            try expectRefused(lock, world)
            #expect(try records(in: world).count == 1, "the record of a live holder was dropped")
        }
    }

    @Test("a recorded lock replaced by another file (another device's lock) stays, and the sync refuses it by name")
    func replacedLock() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let lock = try leaveLock(in: world)
            try own(world).record(lock, by: try Self.exitedProcess())
            // The same bytes and time, another inode: the recorded file was removed and another
            // device's push took the lock since. Made before the old one goes, so the inode differs.
            let other = lock.path + ".other"
            try Data((lock.value + "\n").utf8).write(to: URL(fileURLWithPath: other))
            try FileManager.default.setAttributes([.modificationDate: Self.anHourAgo], ofItemAtPath: other)
            #expect(rename(other, lock.path) == 0)
            #expect(FileStat.of(lock.path)?.inode != lock.stat?.inode)
            try expectRefused(lock, world)
            #expect(try records(in: world).isEmpty, "a record naming a file that is gone was kept")
        }
    }

    @Test("a recorded lock rewritten since stays, and the sync refuses it by name")
    func rewrittenLock() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let lock = try leaveLock(in: world)
            try own(world).record(lock, by: try Self.exitedProcess())
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: lock.path))
            try handle.write(contentsOf: Data(String(repeating: "f", count: 40).utf8))
            try handle.close()
            try FileManager.default.setAttributes([.modificationDate: Self.anHourAgo], ofItemAtPath: lock.path)
            try expectRefused(lock, world)
        }
    }

    @Test("a process is proven gone by another boot of this machine, a free pid, another start time, or exiting; never elsewhere")
    func processIdentity() throws {
        let current = ProcessIdentity.current
        #expect(current.start != nil && current.boot != nil && current.machine != nil && current.namespaces != nil)
        #expect(current.mayBeRunning)
        var rebooted = current
        rebooted.boot = "another boot"
        #expect(!rebooted.mayBeRunning)
        #expect(!(try Self.exitedProcess()).mayBeRunning)
        var reused = current
        reused.start = "1"
        #expect(!reused.mayBeRunning, "a pid now held by a process started at another time")
        var elsewhere = rebooted
        elsewhere.host = current.host + "-elsewhere"
        #expect(elsewhere.mayBeRunning, "nothing is known of another host's processes")
        // A cloned machine, or another one called "localhost": the same host name, another boot id.
        var clone = rebooted
        clone.machine = "another machine"
        #expect(clone.mayBeRunning, "another machine's boot id read as a reboot")
        var unknownMachine = rebooted
        unknownMachine.machine = nil
        #expect(unknownMachine.mayBeRunning, "a boot id compared without knowing the machine")
        // A container or sandbox on this machine: its pids and start times are not ours.
        var contained = reused
        contained.namespaces = (current.namespaces ?? "") + " elsewhere"
        #expect(contained.mayBeRunning, "a process of another pid namespace judged by this one's pids")
        var unreadable = reused
        unreadable.namespaces = nil
        #expect(unreadable.mayBeRunning)
    }

    @Test("a taker that has exited but is not yet reaped (a zombie) is gone")
    func zombieTaker() throws {
        var pid: pid_t = 0
        let arguments = ["/bin/sh", "-c", ":"]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        #expect(posix_spawn(&pid, "/bin/sh", nil, nil, &argv, nil) == 0)
        defer { var status: Int32 = 0; waitpid(pid, &status, 0) }
        let started = try #require(ProcessIdentity.startTime(of: pid))
        let deadline = Date().addingTimeInterval(10)
        while ProcessIdentity.startTime(of: pid)?.exited != true, Date() < deadline { usleep(10_000) }
        #expect(ProcessIdentity.startTime(of: pid)?.exited == true, "the child did not exit")
        var zombie = ProcessIdentity.current
        zombie.pid = pid
        zombie.start = started.start
        #expect(kill(pid, 0) == 0, "reaped already: this test would not look at a zombie")
        #expect(!zombie.mayBeRunning)
    }

    @Test("a recorded lock whose status changed since (chmod) stays, and the sync refuses it by name")
    func changedLock() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let lock = try leaveLock(in: world)
            try own(world).record(lock, by: try Self.exitedProcess())
            // The same file, bytes and modification time: only the status change time tells.
            #expect(chmod(lock.path, 0o600) == 0)
            #expect(try #require(FileStat.of(lock.path)).mtime == (try #require(lock.stat)).mtime)
            try expectRefused(lock, world)
        }
    }

    @Test("a recorded lock found on another device number stays, refused, and its record is kept")
    func otherDevice() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            var lock = try leaveLock(in: world)
            lock.stat?.device &+= 1
            try own(world).record(lock, by: try Self.exitedProcess())
            try expectRefused(lock, world)
            #expect(try records(in: world).count == 1, "a record dropped on a device number that may come back")
        }
    }

    @Test("the record of a lock in a remote that is not mounted is kept, and the lock removed once it is back")
    func unmountedRemote() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let lock = try leaveLock(in: world)
            let locks = try own(world)
            locks.record(lock, by: try Self.exitedProcess())
            let away = world.remote.deletingLastPathComponent().appending(path: "unplugged")
            try FileManager.default.moveItem(at: world.remote, to: away)
            #expect(locks.recover().isEmpty)
            #expect(try records(in: world).count == 1, "the record went with the remote's mount")
            try FileManager.default.moveItem(at: away, to: world.remote)
            try world.write("laptop", "notes/a.md", "a\n")
            var removed: [String] = []
            let report = try sync(world) { removed.append($0) }
            #expect(removed == [lock.path])
            #expect(report.outcome == .pushed)
        }
    }

    @Test("the record of a lock gone from a remote that is there is dropped")
    func goneLock() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let lock = try leaveLock(in: world)
            let locks = try own(world)
            locks.record(lock, by: .current)
            #expect(unlink(lock.path) == 0)
            #expect(locks.recover().isEmpty)
            #expect(try records(in: world).isEmpty)
        }
    }

    /// Whole seconds, so that a copy's time equals the original's to the nanosecond.
    static let anHourAgo = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 3600).rounded(.down))

    /// The remote's branch lock as a killed push leaves it where the file system has no hard
    /// links (the commit it was moving to, no twin), dated an hour back so that a sync meeting it judges it at once, not after watching it for 10 s.
    func leaveLock(in world: SyncWorld) throws -> FolderRefLock {
        let path = world.remote.appending(path: "refs/heads/main.lock").path(percentEncoded: false)
        let value = String(repeating: "a", count: 40)
        try Data((value + "\n").utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: Self.anHourAgo], ofItemAtPath: path)
        // Taken where there are no hard links: identified by its stat data, its twin long gone.
        return FolderRefLock(path: path, gitDirectory: world.remote.path(percentEncoded: false), twin: path + ".twin.lock",
                             isTwinned: false, stat: FileStat.of(path), value: value)
    }

    /// A process that ran on this machine and has exited (its pid free).
    static func exitedProcess() throws -> ProcessIdentity {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", ":"]
        try process.run()
        process.waitUntilExit()
        var identity = ProcessIdentity.current
        identity.pid = process.processIdentifier
        identity.start = "1"
        return identity
    }

    func sync(_ world: SyncWorld, removed: @escaping (String) -> Void = { _ in }) throws -> SyncReport {
        var options = SyncOptions(lockWait: 5)
        options.removedStaleRemoteLock = removed
        return try Syncer(root: world.root("laptop"), options: options).sync()
    }

    /// The sync stops naming `lock`, removes nothing, and leaves it in place.
    func expectRefused(_ lock: FolderRefLock, _ world: SyncWorld) throws {
        try world.write("laptop", "notes/a.md", "a\n")
        var removed: [String] = []
        do {
            _ = try sync(world) { removed.append($0) }
            Issue.record("the sync went through a lock it cannot prove its own")
        } catch let error as SyncError {
            guard case .remoteLocked(_, let lockFile, _, _) = error else { Issue.record("unexpected error: \(error)"); return }
            #expect(lockFile == lock.path)
            #expect("\(error)".contains(lock.path), "\(error)")
        }
        #expect(removed.isEmpty)
        #expect(FileManager.default.fileExists(atPath: lock.path))
    }

    /// The laptop's records of the locks its syncs take.
    func own(_ world: SyncWorld) throws -> OwnRemoteLocks {
        OwnRemoteLocks(try Repository.open(at: world.root("laptop")))
    }

    func records(in world: SyncWorld) throws -> [String] {
        let folder = try own(world).folder
        return (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    }
}
