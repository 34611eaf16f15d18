import Foundation
import TestSupport

extension TemporaryNotebook {
    /// The ids of running processes whose environment carries this test's private HOME: every
    /// child the test started, and anything those left running detached (a background
    /// `hearth maintenance` after a sync). Zombies have no environment left and are not counted.
    func processesWithThisHome() -> [Int32] {
        let needle = Array("HOME=\(home.path)".utf8) + [0]
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap(Int32.init) ?? []
        return ids.filter { id in
            guard id != getpid(), let handle = FileHandle(forReadingAtPath: "/proc/\(id)/environ") else { return false }
            defer { try? handle.close() }
            guard let environment = try? handle.readToEnd() else { return false }
            let bytes = [UInt8](environment)
            // Each variable is NUL-terminated, so HOME must start the block or follow a NUL.
            if bytes.starts(with: needle) { return true }
            return bytes.indices.dropLast(needle.count).contains { bytes[$0] == 0 && bytes[($0 + 1)...].starts(with: needle) }
        }
    }

    /// Waits until no process of this test is left running (see ``processesWithThisHome()``), at
    /// most `timeout` seconds; the ids still running then, or none.
    @discardableResult
    func waitForBackgroundProcesses(timeout: TimeInterval = 60) -> [Int32] {
        let deadline = Date().addingTimeInterval(timeout)
        var running = processesWithThisHome()
        while !running.isEmpty, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            running = processesWithThisHome()
        }
        return running
    }
}
