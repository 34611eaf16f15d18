import Foundation
import TestSupport
import Testing

/// `hearth sync` against a folder remote that another device's push holds locked: it waits,
/// pushes, and says the remote was busy rather than that it moved.
@Suite struct SyncBusyRemoteTests {
    @Test func aSyncThatWaitedOutAnotherPushSaysTheRemoteWasBusy() throws {
        let devices = try SyncCommandTests.TwoDevices()
        let notebook = devices.notebook
        try notebook.hearth("jot", "one more line").requireSuccess()
        let lock = devices.remote.appendingPathComponent("refs/heads/main.lock")
        #expect(FileManager.default.createFile(atPath: lock.path, contents: Data()))

        // Both streams go to files: the test reads the trace while hearth runs, and neither
        // can fill up while nobody reads it.
        let stdoutFile = notebook.base.appendingPathComponent("sync-stdout")
        let traceFile = notebook.base.appendingPathComponent("sync-trace")
        let binary = try #require(HearthBinary.url)
        let process = try ChildProcess(binary.path, ["sync"], environment: notebook.environment(["HEARTH_SYNC_TRACE": "1"]),
                                       directory: notebook.root.path,
                                       stdout: .appendToFile(stdoutFile.path), stderr: .appendToFile(traceFile.path))
        let trace = { (try? String(contentsOf: traceFile, encoding: .utf8)) ?? "" }
        // The other push holds its lock (kept fresh) until this sync is about to push, and a
        // second longer.
        while !trace().contains("before-push"), process.isRunning {
            try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: lock.path)
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 1)
        try FileManager.default.removeItem(at: lock)
        let termination = process.wait()
        let stdout = (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? ""
        #expect(termination == .exited(0), "\(stdout)\n\(trace())")
        #expect(stdout.contains("The remote was busy (locked by another device's push); pushed on attempt"), "\(stdout)")
        #expect(!stdout.contains("moved"), "\(stdout)")
    }
}
