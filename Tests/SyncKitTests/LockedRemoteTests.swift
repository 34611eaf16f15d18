import Foundation
import SyncKit
import Testing

/// A lock in a folder remote is either another device's push in progress, which the sync waits
/// out, or a push stopped mid-way, which stays: that one is reported with its path and age once
/// it proves stale, without pushing again and again.
@Suite("Locked remote")
struct LockedRemoteTests {
    @Test("a lock that stays unchanged stops the sync with its path and age, after one push")
    func staleRemoteLock() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let lock = world.remote.appending(path: "refs/heads/main.lock")
            try Data().write(to: lock)
            // Left by a push stopped an hour ago.
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: lock.path)
            try world.write("laptop", "notes/a.md", "a\n")
            var pushes = 0
            do {
                try world.sync("laptop") { if $0 == .beforePush { pushes += 1 } }
                Issue.record("the sync went through a locked remote")
            } catch let error as SyncError {
                guard case .remoteLocked(_, let lockFile, let age, _) = error else { Issue.record("unexpected error: \(error)"); return }
                #expect(lockFile?.hasSuffix("remote.git/refs/heads/main.lock") == true, "\(String(describing: lockFile))")
                #expect(age.map { $0 >= 3500 } == true, "\(String(describing: age))")
                #expect("\(error)".contains("main.lock") && "\(error)".contains("unchanged for 60 min"), "\(error)")
                #expect(!"\(error)".contains("remove"), "the library gives no advice about removing files: \(error)")
            }
            #expect(pushes == 1)
            try FileManager.default.removeItem(at: lock)
            let report = try world.sync("laptop")
            #expect(report.outcome == .pushed)
        }
    }

    @Test("a lock another device's push holds is waited out, and the push goes through")
    func liveRemoteLock() throws {
        try pushThroughLiveLock(datedBack: 0)
    }

    /// A file server whose clock runs behind this machine's dates a live push's lock in the past.
    @Test("a live lock dated 20 s ago by a skewed clock is waited out, not called stale")
    func liveRemoteLockFromASkewedClock() throws {
        try pushThroughLiveLock(datedBack: 20)
    }

    /// Another push takes the remote's lock right when this sync is about to push (its time stamp
    /// set `datedBack` seconds into the past) and lets go a second later.
    private func pushThroughLiveLock(datedBack: TimeInterval) throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let lock = world.remote.appending(path: "refs/heads/main.lock")
            try world.write("laptop", "notes/a.md", "a\n")
            let released = DispatchSemaphore(value: 0)
            var taken = false
            let report = try world.sync("laptop") { checkpoint in
                guard checkpoint == .beforePush, !taken else { return }
                taken = true
                #expect(FileManager.default.createFile(atPath: lock.path, contents: Data()))
                try? FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-datedBack)], ofItemAtPath: lock.path)
                DispatchQueue.global().asyncAfter(deadline: .now() + 1) {
                    try? FileManager.default.removeItem(at: lock)
                    released.signal()
                }
            }
            released.wait()
            #expect(taken)
            #expect(report.outcome == .pushed)
            #expect(report.pushAttempts >= 2, "the sync never met the lock: \(report.pushAttempts)")
            let pushed = try #require(report.head)
            #expect(try String(contentsOf: world.remote.appending(path: "refs/heads/main"), encoding: .utf8) == pushed + "\n")
        }
    }

    @Test("a tracking branch another git command holds locked here is waited for by the fetch")
    func lockedTrackingBranch() throws {
        try SyncWorld.with(devices: ["laptop", "desk"]) { world in
            try world.write("desk", "notes/d.md", "from the desk\n")
            _ = try world.sync("desk")
            // A `git fetch` the user runs in the laptop's notebook, writing origin/main.
            let lock = world.root("laptop").appending(path: ".git/refs/remotes/origin/main.lock")
            try Data().write(to: lock)
            let released = DispatchSemaphore(value: 0)
            DispatchQueue.global().asyncAfter(deadline: .now() + 1) {
                try? FileManager.default.removeItem(at: lock)
                released.signal()
            }
            let report = try world.sync("laptop")
            released.wait()
            #expect(report.outcome == .fastForwarded)
            #expect(world.read("laptop", "notes/d.md") == "from the desk\n")
        }
    }
}
