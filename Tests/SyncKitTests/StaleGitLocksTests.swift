import Foundation
import GitKit
@testable import SyncKit
import Testing

/// A sync killed mid-fetch leaves `refs/remotes/origin/main.lock`, one killed mid-merge
/// `refs/hearth/outgoing.lock`: the next sync must not be blocked by them, while locks another
/// program may hold right now (a tracking ref a `git fetch` is writing, the index) are left alone.
@Suite("Stale git locks")
struct StaleGitLocksTests {
    @Test("a tracking-ref lock left by a killed fetch is removed and the sync goes through; one without the fetch's marker stays")
    func trackingRefLock() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/a.md": "a\n"]) { world in
            try world.write("laptop", "notes/a.md", "a changed\n")
            try world.sync("laptop")
            let git = world.root("desk").appending(path: ".git")
            let stale = git.appending(path: "refs/remotes/origin/main.lock")
            // Someone else's fetch (no marker of a killed sync): left alone, and the sync says why.
            try Data("0000\n".utf8).write(to: stale)
            #expect(throws: SyncError.self) { try world.sync("desk") }
            #expect(FileManager.default.fileExists(atPath: stale.path(percentEncoded: false)))
            // A fetch of a sync that was killed: its marker names the folder.
            let repository = try Repository.open(at: world.root("desk"))
            InterruptedWrite(name: InterruptedWrite.fetch, locks: [], folders: [git.appending(path: "refs/remotes/origin").path(percentEncoded: false)],
                             value: nil, window: InterruptedWrite.window).begin(repository)
            try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: stale.path(percentEncoded: false))
            let report = try world.sync("desk")
            #expect(report.outcome == .fastForwarded)
            #expect(!FileManager.default.fileExists(atPath: stale.path(percentEncoded: false)))
            #expect(world.read("desk", "notes/a.md") == "a changed\n")
        }
    }

    @Test("a lock under refs/hearth, hearth's own namespace, is removed")
    func hearthRefLock() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let git = world.root("laptop").appending(path: ".git")
            try FileManager.default.createDirectory(at: git.appending(path: "refs/hearth"), withIntermediateDirectories: true)
            try Data().write(to: git.appending(path: "refs/hearth/outgoing.lock"))
            #expect(StaleGitLocks.clear(in: git) == ["refs/hearth/outgoing.lock"])
        }
    }

    @Test("an index lock is never removed by this clean-up: a git command may hold it for minutes")
    func indexLockStays() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let git = world.root("laptop").appending(path: ".git")
            let lock = git.appending(path: "index.lock")
            try Data().write(to: lock)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)],
                                                  ofItemAtPath: lock.path(percentEncoded: false))
            #expect(StaleGitLocks.clear(in: git).isEmpty)
            #expect(FileManager.default.fileExists(atPath: lock.path(percentEncoded: false)))
        }
    }
}
