import Foundation
import GitKit
@testable import SyncKit
import Testing

/// The locks a maintenance of a folder remote holds say who holds them, are waited for by a push
/// while they are renewed, and are removed at the end only while they are still the ones taken.
@Suite("Remote maintenance lock")
struct RemoteMaintenanceLockTests {
    @Test("each lock file names the maintenance holding it")
    func lockNamesItsHolder() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            try world.write("laptop", "notes/a.md", "a\n")
            _ = try world.sync("laptop")
            let lockPath = world.remote.appending(path: "refs/heads/main.lock").path(percentEncoded: false)
            let lock = try RemoteMaintenanceLock.acquire(try Repository.open(at: world.remote),
                                                         markingIn: try Repository.open(at: world.root("laptop"))).get()
            let text = try String(contentsOfFile: lockPath, encoding: .utf8)
            #expect(text.hasPrefix("hearth maintenance (pid \(getpid()) on "), "\(text)")
            #expect(Syncer.maintenanceHolder(lockPath) == text.trimmingCharacters(in: .newlines))
            withExtendedLifetime(lock) {}
        }
    }

    /// The user removed the lock (an older hearth told them to), and another push took the
    /// branch's lock meanwhile: the maintenance ending must not remove that push's lock.
    @Test("a lock file replaced by another push's is left alone at the end")
    func replacedLockIsLeftAlone() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            try world.write("laptop", "notes/a.md", "a\n")
            _ = try world.sync("laptop")
            let lockPath = world.remote.appending(path: "refs/heads/main.lock").path(percentEncoded: false)
            var lock: RemoteMaintenanceLock? = try RemoteMaintenanceLock.acquire(try Repository.open(at: world.remote),
                                                                                 markingIn: try Repository.open(at: world.root("laptop"))).get()
            #expect(lock != nil)
            #expect(unlink(lockPath) == 0)
            #expect(FileManager.default.createFile(atPath: lockPath, contents: Data("another push\n".utf8)))
            lock = nil
            #expect(FileManager.default.contents(atPath: lockPath) == Data("another push\n".utf8),
                    "the maintenance removed another push's lock")
            #expect(lock == nil)
        }
    }

    @Test("a push waits out a maintenance of the folder remote, seeing its lock renewed")
    func pushWaitsForRemoteMaintenance() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            try world.write("laptop", "notes/a.md", "a\n")
            _ = try world.sync("laptop")
            try world.write("laptop", "notes/b.md", "b\n")
            let remote = try Repository.open(at: world.remote)
            let notebook = try Repository.open(at: world.root("laptop"))
            let released = DispatchSemaphore(value: 0)
            var taken = false
            let report = try world.sync("laptop") { checkpoint in
                guard checkpoint == .beforePush, !taken else { return }
                taken = true
                let held = Held(try? RemoteMaintenanceLock.acquire(remote, markingIn: notebook).get())
                #expect(held.lock != nil)
                // Held across more than two renewals, then let go.
                DispatchQueue.global().asyncAfter(deadline: .now() + 2.5) {
                    held.lock = nil
                    released.signal()
                }
            }
            released.wait()
            #expect(taken)
            #expect(report.outcome == .pushed)
            #expect(report.pushAttempts >= 2, "the sync never met the lock: \(report.pushAttempts)")
        }
    }

    /// A remote without a branch has no branch lock to take: its own lock keeps two
    /// maintainers apart all the same.
    @Test("a second maintainer of a remote without branches finds it busy")
    func remoteWithoutBranchesIsHeldOnce() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let empty = world.base.appending(path: "empty.git")
            _ = try Repository.create(at: empty, bare: true)
            let notebook = try Repository.open(at: world.root("laptop"))
            let first = try RemoteMaintenanceLock.acquire(try Repository.open(at: empty), markingIn: notebook).get()
            #expect(FileManager.default.fileExists(atPath: empty.appending(path: RemoteMaintenanceLock.ownLockName).path))
            let second = RemoteMaintenanceLock.acquire(try Repository.open(at: empty), markingIn: notebook)
            guard case .failure(.busy) = second else {
                Issue.record("a second maintainer took the remote: \(second)")
                return
            }
            withExtendedLifetime(first) {}
        }
    }

    @Test("a sync that gives up on a running maintenance says so, not that the lock was left behind")
    func runningMaintenanceIsNamed() {
        let error = SyncError.remoteMaintained(remote: "origin", lockFile: "/r/refs/heads/main.lock",
                                               holder: "hearth maintenance (pid 1 on desk)")
        #expect("\(error)".contains("a maintenance of the remote is running"), "\(error)")
        #expect("\(error)".contains("hearth maintenance (pid 1 on desk)"), "\(error)")
    }

    /// A lock handed to the thread that lets go of it.
    private final class Held: @unchecked Sendable {
        var lock: RemoteMaintenanceLock?
        init(_ lock: RemoteMaintenanceLock?) { self.lock = lock }
    }
}
