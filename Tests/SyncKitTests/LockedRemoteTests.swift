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
        try SyncWorld.with(devices: ["laptop"]) { world in
            let lock = world.remote.appending(path: "refs/heads/main.lock")
            try Data().write(to: lock)
            try world.write("laptop", "notes/a.md", "a\n")
            // The other push finishes a second after this sync starts pushing.
            let released = DispatchSemaphore(value: 0)
            let report = try world.sync("laptop") { checkpoint in
                guard checkpoint == .beforePush, FileManager.default.fileExists(atPath: lock.path) else { return }
                DispatchQueue.global().asyncAfter(deadline: .now() + 1) {
                    try? FileManager.default.removeItem(at: lock)
                    released.signal()
                }
            }
            released.wait()
            #expect(report.outcome == .pushed)
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
