import Foundation
import SyncKit
import Testing

/// A sync killed mid-fetch leaves `refs/remotes/origin/main.lock`; the next sync must not be
/// blocked by it, while a fresh lock on the index (a git command running now) is left alone.
@Suite("Stale git locks")
struct StaleGitLocksTests {
    @Test("a tracking-ref lock left by a killed fetch is removed and the sync goes through")
    func trackingRefLock() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/a.md": "a\n"]) { world in
            try world.write("laptop", "notes/a.md", "a changed\n")
            try world.sync("laptop")
            let git = world.root("desk").appending(path: ".git")
            let stale = git.appending(path: "refs/remotes/origin/main.lock")
            try Data("0000\n".utf8).write(to: stale)
            let report = try world.sync("desk")
            #expect(report.outcome == .fastForwarded)
            #expect(!FileManager.default.fileExists(atPath: stale.path(percentEncoded: false)))
            #expect(world.read("desk", "notes/a.md") == "a changed\n")
        }
    }

    @Test("an index lock is never removed: a git command may hold it for minutes")
    func indexLockStays() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let git = world.root("laptop").appending(path: ".git")
            let lock = git.appending(path: "index.lock")
            try Data().write(to: lock)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)],
                                                  ofItemAtPath: lock.path(percentEncoded: false))
            #expect(StaleGitLocks.clear(in: git, remote: "origin").isEmpty)
            #expect(FileManager.default.fileExists(atPath: lock.path(percentEncoded: false)))
        }
    }
}
