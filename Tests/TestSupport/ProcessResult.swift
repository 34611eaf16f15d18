import Foundation

/// What a finished child process produced: its exit status and both output streams.
public struct ProcessResult: CustomStringConvertible {
    /// The exit status (0 success, 1 failure, 2 usage error for hearth).
    public var status: Int32
    /// Standard output, byte for byte.
    public var stdoutData: Data
    /// Standard error, byte for byte.
    public var stderrData: Data
    /// Whether the process died of SIGKILL (then `status` is the signal number).
    public var wasKilled: Bool

    /// Standard output as UTF-8 text.
    public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    /// Standard error as UTF-8 text.
    public var stderr: String { String(decoding: stderrData, as: UTF8.self) }
    /// Standard output split into lines, without the empty string after the last newline.
    public var stdoutLines: [String] { ProcessResult.lines(stdout) }
    /// Standard error split into lines, without the empty string after the last newline.
    public var stderrLines: [String] { ProcessResult.lines(stderr) }

    public var description: String { (wasKilled ? "killed" : "exit \(status)") + "\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }

    /// A result as a finished process left it.
    public init(status: Int32, stdoutData: Data, stderrData: Data, wasKilled: Bool = false) {
        self.status = status
        self.stdoutData = stdoutData
        self.stderrData = stderrData
        self.wasKilled = wasKilled
    }

    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
