import Foundation
import GitKit
@testable import SyncKit
import TestSupport
import Testing

/// ``LocalChanges``: the look that decides whether files that changed need a sync.
@Suite struct WatchLocalChangesTests {
    @Test func aSyncedNotebookHasNothingAndASaveHasSomething() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/a.md": "a\n"]) { world in
            let laptop = world.root("laptop")
            #expect(try LocalChanges.check(root: laptop) == .none)
            try world.write("laptop", "notes/a.md", "a\nmore\n")
            #expect(try LocalChanges.check(root: laptop) == .some)
            _ = try world.sync("laptop")
            #expect(try LocalChanges.check(root: laptop) == .none)
        }
    }

    @Test func filesASyncBroughtInAreNotChangesButSavesPutBackAreNone() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/a.md": "a\n"]) { world in
            try world.write("desk", "notes/a.md", "from the desk\n")
            try world.write("desk", "notes/b.md", "new on the desk\n")
            _ = try world.sync("desk")
            let report = try world.sync("laptop")
            #expect(report.outcome == .fastForwarded)
            #expect(try LocalChanges.check(root: world.root("laptop")) == .none)
            // Saved again with the same bytes (a new inode and time): nothing to commit.
            try world.write("laptop", "notes/a.md", "from the desk\n")
            #expect(try LocalChanges.check(root: world.root("laptop")) == .none)
        }
    }

    @Test func ignoredFilesAreNoChange() throws {
        try SyncWorld.with(devices: ["laptop"], files: [".gitignore": "*.swp\n"]) { world in
            try world.write("laptop", "notes/.a.md.swp", "editor state\n")
            #expect(try LocalChanges.check(root: world.root("laptop")) == .none)
        }
    }

    @Test func anotherSyncHoldingTheLockMakesItBusyWithoutWaiting() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let repository = try Repository.open(at: world.root("laptop"))
            // Not 0: a child another test spawns during the set-up sync holds a copy of its lock's
            // descriptor until it execs (seen under load as "another sync is running").
            let lock = try SyncLock.acquire(at: repository.syncLockPath, wait: 10)
            let result = try LocalChanges.check(root: world.root("laptop"))
            guard case .busy(let holder) = result else {
                Issue.record("expected busy, got \(result)")
                return
            }
            #expect(holder.contains("pid \(getpid())"))
            withExtendedLifetime(lock) {}
        }
    }
}
