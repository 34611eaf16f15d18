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

        /// Waits until a summary contains `text` (at most 20 s).
        func waitFor(_ text: String) -> Bool {
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                if summaries.contains(where: { $0.contains(text) }) { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return false
        }
    }

    /// Runs `watcher` on a thread of its own; wait on the semaphore for it to return.
    func start(_ watcher: NotebookWatcher) -> (DispatchSemaphore, ResultCell) {
        let done = DispatchSemaphore(value: 0)
        let cell = ResultCell()
        Thread.detachNewThread {
            cell.end = watcher.run()
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
}
