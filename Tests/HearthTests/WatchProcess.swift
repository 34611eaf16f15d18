import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A running `hearth watch` (a ``ChildProcess``), with stdout and stderr going to a log file the
/// test reads while it runs. Stopped with SIGKILL and reaped when the value goes away, if the test
/// has not stopped it itself.
final class WatchProcess {
    /// Where stdout and stderr go, in the order written.
    let logFile: URL
    private let child: ChildProcess

    /// The process id, for signals a test sends itself.
    var pid: pid_t { child.pid }

    /// Starts the built `hearth` with `arguments` in `directory`, with `notebook`'s environment;
    /// through `wrapper` (a program and its arguments, then hearth's path and arguments follow)
    /// when given.
    init(_ notebook: TemporaryNotebook, _ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:],
         wrapper: [String] = []) throws {
        let binary = try #require(HearthBinary.url, "no built hearth next to the test bundle; run `swift build` first")
        logFile = notebook.base.appendingPathComponent("watch-\(UUID().uuidString).log")
        // `-C` names the notebook; the working directory stays the test runner's, as it always has here.
        let command = wrapper + [binary.path, "-C", (directory ?? notebook.root).path] + arguments
        child = try ChildProcess(command[0], Array(command.dropFirst()), environment: notebook.environment(extra),
                                 stdout: .appendToFile(logFile.path))
    }

    /// Everything written so far.
    var log: String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    }

    /// The log's lines.
    var lines: [String] {
        log.split(separator: "\n").map(String.init)
    }

    /// The exit code once the process has exited (128 + signal number when a signal ended it).
    var exitCode: Int32? {
        _ = isRunning
        return child.termination?.shellStatus
    }

    /// Waits up to `seconds` for the process to exit on its own; its exit code, nil when it did not.
    func waitForExit(seconds: TimeInterval = 20) -> Int32? {
        guard waitUntil(seconds: seconds, { !isRunning }) else { return nil }
        return exitCode
    }

    /// Whether the process is still running (reaping it when it has exited).
    var isRunning: Bool { child.isRunning }

    /// Waits until `condition` holds, polling every 50 ms; false when `seconds` pass first.
    @discardableResult
    func waitUntil(seconds: TimeInterval = 20, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try condition()
    }

    /// Waits until the log has a line containing `text`.
    @discardableResult
    func waitForLine(containing text: String, seconds: TimeInterval = 20) -> Bool {
        waitUntil(seconds: seconds) { log.contains(text) }
    }

    /// Sends `signal` and waits up to `seconds` for the process to exit; its exit code (128 +
    /// signal number when a signal ended it), nil when it did not exit in time.
    func stop(with signal: Int32 = SIGTERM, seconds: TimeInterval = 20) -> Int32? {
        child.signal(signal)
        guard waitUntil(seconds: seconds, { !isRunning }) else { return nil }
        return exitCode
    }
}
