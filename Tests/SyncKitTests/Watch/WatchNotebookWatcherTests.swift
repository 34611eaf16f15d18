import Foundation
import GitKit
@testable import SyncKit
import Testing

/// ``NotebookWatcher`` in this process, on real notebooks: how ``NotebookWatcher/run(residentMemory:)`` ends
/// and which events it reports. Waits poll for what should happen; nothing is timed.
@Suite struct WatchNotebookWatcherTests {
    /// The events reported so far, from any thread.
    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [WatchEvent] = []

        func append(_ event: WatchEvent) {
            lock.lock()
            list.append(event)
            lock.unlock()
        }

        var summaries: [String] {
            lock.lock()
            defer { lock.unlock() }
            return list.map(\.summary)
        }

        /// How many syncs have ended (successfully).
        var syncs: Int {
            lock.lock()
            defer { lock.unlock() }
            return list.filter { if case .synced = $0 { true } else { false } }.count
        }

        /// How many times the watcher said it restarts.
        var restarts: Int {
            lock.lock()
            defer { lock.unlock() }
            return list.filter { if case .restarting = $0 { true } else { false } }.count
        }

        /// Waits until a summary contains `text` (at most 20 s).
        func waitFor(_ text: String) -> Bool {
            waitUntil { summaries.contains(where: { $0.contains(text) }) }
        }

        /// Waits until `condition` holds (at most 20 s).
        func waitUntil(_ condition: () -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                if condition() { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return false
        }
    }

    /// Runs `watcher` on a thread of its own, measuring resident memory with `residentMemory`;
    /// wait on the semaphore for it to return.
    func start(_ watcher: NotebookWatcher, residentMemory: (@Sendable () -> Int?)? = nil) -> (DispatchSemaphore, ResultCell) {
        let done = DispatchSemaphore(value: 0)
        let cell = ResultCell()
        Thread.detachNewThread {
            cell.end = watcher.run(residentMemory: residentMemory)
            done.signal()
        }
        return (done, cell)
    }

    /// How ``NotebookWatcher/run(residentMemory:)`` ended, set from its thread.
    final class ResultCell: @unchecked Sendable {
        var end: WatchEnd?
    }

    @Test(arguments: [false, true])
    func movingTheNotebookEndsRunWithNotebookGoneAndNoRetry(polling: Bool) throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let root = world.root("laptop")
            let events = Events()
            let options = WatchOptions(quiet: 0.1, interval: 300, pollEvery: 0.05, forcePolling: polling)
            let watcher = try NotebookWatcher(root: root, options: options) { events.append($0) }
            let (done, cell) = start(watcher)
            try #require(events.waitFor("sync (start)"), "\(events.summaries)")
            let moved = root.deletingLastPathComponent().appending(path: "laptop-moved")
            try FileManager.default.moveItem(at: root, to: moved)
            defer { try? FileManager.default.moveItem(at: moved, to: root) }
            #expect(done.wait(timeout: .now() + 20) == .success, "\(events.summaries)")
            #expect(cell.end == .notebookGone)
            #expect(events.summaries.last?.hasPrefix("the notebook at ") == true, "\(events.summaries)")
            #expect(!events.summaries.contains { $0.contains("failed") }, "\(events.summaries)")
        }
    }

    @Test func aHeldLockIsReportedOnceAndItsEndOnce() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let root = world.root("laptop")
            let repository = try Repository.open(at: root)
            // flock(2) locks belong to the open file: this one conflicts with the watcher's own.
            // Not 0: a child another test spawns during the set-up sync holds a copy of its lock's
            // descriptor until it execs (seen under load as "another sync is running").
            var lock: SyncLock? = try SyncLock.acquire(at: repository.syncLockPath, wait: 10)
            let events = Events()
            let options = WatchOptions(quiet: 0.1, interval: 2, lockWait: 0, firstRetryDelay: 0.1)
            let watcher = try NotebookWatcher(root: root, options: options) { events.append($0) }
            let (done, cell) = start(watcher)
            try #require(events.waitFor("skipped: another sync is running"), "\(events.summaries)")
            try world.write("laptop", "notes/while-locked.md", "saved while another sync ran\n")
            // Retries every 0.1, 0.2, 0.4 ... s: several of them skipped in this time.
            Thread.sleep(forTimeInterval: 1.5)
            #expect(events.summaries.filter { $0.hasPrefix("skipped:") }.count == 1, "\(events.summaries)")
            withExtendedLifetime(lock) {}
            lock = nil
            #expect(events.waitFor("committed"), "\(events.summaries)")
            let summaries = events.summaries
            #expect(summaries.filter { $0 == "the other sync has ended; syncing again" }.count == 1, "\(summaries)")
            #expect(summaries.filter { $0.hasPrefix("skipped:") }.count == 1, "\(summaries)")
            watcher.stop()
            #expect(done.wait(timeout: .now() + 20) == .success)
            #expect(cell.end == .stopped)
        }
    }

    /// The program measures memory; the watcher restarts once it has grown past the limit since
    /// the first sync: here 2 MB more with every sync, so at the end of the second.
    @Test func growingPastTheLimitAfterTheFirstSyncEndsRunWithRestart() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let events = Events()
            let options = WatchOptions(quiet: 0.1, interval: 0.1, restartAfterGrowth: 1_000_000)
            let watcher = try NotebookWatcher(root: world.root("laptop"), options: options) { events.append($0) }
            let (done, cell) = start(watcher) { 50_000_000 + 2_000_000 * events.syncs }
            #expect(done.wait(timeout: .now() + 20) == .success, "\(events.summaries)")
            #expect(cell.end == .restart)
            // The first sync sets the baseline; the growth the second brings is past the limit.
            #expect(events.syncs == 2, "\(events.summaries)")
            #expect(events.restarts == 1 && events.summaries.last?.hasPrefix("restarting") == true, "\(events.summaries)")
        }
    }

    /// Without a measure, or with growth below the limit, the watcher keeps syncing until stopped.
    @Test(arguments: [false, true])
    func withoutAMeasureOrBelowTheLimitRunNeverRestarts(measured: Bool) throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let events = Events()
            let options = WatchOptions(quiet: 0.1, interval: 0.1, restartAfterGrowth: measured ? 1_000_000 : 1)
            let watcher = try NotebookWatcher(root: world.root("laptop"), options: options) { events.append($0) }
            // 1 kB more with every sync: a few kB in all, far below 1 MB.
            let memory: @Sendable () -> Int? = { 50_000_000 + 1_000 * events.syncs }
            let (done, cell) = start(watcher, residentMemory: measured ? memory : nil)
            // Several syncs, each followed by a look at the limit.
            try #require(events.waitUntil { events.syncs >= 4 }, "\(events.summaries)")
            watcher.stop()
            #expect(done.wait(timeout: .now() + 20) == .success, "\(events.summaries)")
            #expect(cell.end == .stopped)
            #expect(events.restarts == 0, "\(events.summaries)")
        }
    }
}
