import Foundation
import TestSupport
import Testing

/// Several `hearth sync` processes started at once in one notebook: each either waits its turn
/// or says another sync is running; none breaks the repository. A lock whose holder was killed
/// never blocks the next sync.
@Suite struct SyncConcurrencyTests {
    /// Starts `count` syncs at the same moment and returns their results.
    func syncsAtOnce(_ count: Int, _ devices: SyncCommandTests.TwoDevices, wait: String) throws -> [ProcessResult] {
        let binary = try #require(HearthBinary.url)
        let environment = devices.notebook.environment()
        let root = devices.notebook.root
        let results = ResultBox(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, Result { try ProcessRunner.run(binary, ["sync", "--quiet", "--wait", wait], in: root, environment: environment) })
        }
        return try results.values.map { try $0.get() }
    }

    @Test func syncsStartedTogetherWaitTheirTurn() throws {
        let devices = try SyncCommandTests.TwoDevices()
        for round in 0..<3 {
            try devices.notebook.hearth("done", "ship", "item \(round)").requireSuccess()
            try devices.desk("done", "learn", "desk item \(round)").requireSuccess()
            try devices.desk("sync", "--quiet").requireSuccess()
            let results = try syncsAtOnce(3, devices, wait: "30")
            #expect(results.allSatisfy { $0.status == 0 }, "round \(round): \(results)")
        }
        let text = try devices.notebook.text(SyncCommandTests.path)
        for line in (0..<3).flatMap({ ["- ship: item \($0)\n", "- learn: desk item \($0)\n"] }) {
            #expect(text.contains(line), "\(line) lost:\n\(text)")
        }
        let fsck = try devices.notebook.git("fsck", "--strict", "--no-progress")
        #expect(fsck.status == 0 && !fsck.stderr.contains("error"), "\(fsck)")
        #expect(try devices.notebook.git("status", "--porcelain").stdout.isEmpty)
        #expect(try devices.notebook.git("rev-parse", "HEAD").stdout == devices.notebook.git("rev-parse", "origin/main").stdout)
    }

    @Test func aSyncThatCannotWaitSaysWhoHoldsTheLock() throws {
        let devices = try SyncCommandTests.TwoDevices()
        try devices.notebook.hearth("done", "ship", "waiting item").requireSuccess()
        // Hold the lock as a running sync does: flock plus the holder's record.
        let descriptor = open(devices.notebook.url(".git/hearth-sync.lock").path, O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0 && flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let record = "pid \(getpid()) since 2026-11-22T10:00:00Z\n"
        _ = record.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        let refused = try devices.notebook.hearth("sync", "--wait", "0")
        close(descriptor)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("another sync is running in this notebook")
                && refused.stderr.contains("pid \(getpid()) since 2026-11-22T10:00:00Z"), "\(refused)")
        // Nothing was committed by the sync that could not start.
        #expect(try !devices.notebook.git("status", "--porcelain").stdout.isEmpty)
        try devices.notebook.hearth("sync", "--quiet", "--wait", "0").requireSuccess()
        #expect(try devices.notebook.git("status", "--porcelain").stdout.isEmpty)
    }

    @Test func aLockWhoseHolderWasKilledIsTakenAtOnce() throws {
        let devices = try SyncCommandTests.TwoDevices()
        try devices.notebook.hearth("done", "ship", "before the kill").requireSuccess()
        let killed = try devices.notebook.hearth("sync", environment: ["HEARTH_SYNC_ABORT_AT": "after-snapshot"])
        #expect(killed.wasKilled, "\(killed)")
        // The lock file is still there and still names the dead holder...
        let record = try String(contentsOf: devices.notebook.url(".git/hearth-sync.lock"), encoding: .utf8)
        #expect(record.hasPrefix("pid "), "\(record)")
        // ...but the kernel released its lock with the process: no waiting, no clean-up by hand.
        let next = try devices.notebook.hearth("sync", "--wait", "0")
        #expect(next.status == 0, "\(next)")
        #expect(try devices.notebook.git("show", "origin/main:" + SyncCommandTests.path).stdout.contains("before the kill"))
    }
}
