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

        let process = Process()
        process.executableURL = HearthBinary.url
        process.arguments = ["sync"]
        process.currentDirectoryURL = notebook.root
        process.environment = notebook.environment(["HEARTH_SYNC_TRACE": "1"])
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        // The other push holds its lock (kept fresh) until this sync is about to push, and a
        // second longer.
        let reachedPush = DispatchSemaphore(value: 0)
        let trace = LockedText()
        errors.fileHandleForReading.readabilityHandler = { handle in
            let text = trace.append(handle.availableData)
            if text.contains("before-push") { reachedPush.signal() }
        }
        try process.run()
        while reachedPush.wait(timeout: .now() + 0.3) == .timedOut, process.isRunning {
            try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: lock.path)
        }
        Thread.sleep(forTimeInterval: 1)
        try FileManager.default.removeItem(at: lock)
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        errors.fileHandleForReading.readabilityHandler = nil
        #expect(process.terminationStatus == 0, "\(stdout)\n\(trace.text)")
        #expect(stdout.contains("The remote was busy (locked by another device's push); pushed on attempt"), "\(stdout)")
        #expect(!stdout.contains("moved"), "\(stdout)")
    }
}
