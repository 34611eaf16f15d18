import Foundation

/// What a finished child process produced: its exit status and both output streams.
struct ProcessResult: CustomStringConvertible {
    /// The exit status (0 success, 1 failure, 2 usage error for hearth).
    var status: Int32
    /// Standard output, byte for byte.
    var stdoutData: Data
    /// Standard error, byte for byte.
    var stderrData: Data

    /// Standard output as UTF-8 text.
    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    /// Standard error as UTF-8 text.
    var stderr: String { String(decoding: stderrData, as: UTF8.self) }
    /// Standard output split into lines, without the empty string after the last newline.
    var stdoutLines: [String] { ProcessResult.lines(stdout) }
    /// Standard error split into lines, without the empty string after the last newline.
    var stderrLines: [String] { ProcessResult.lines(stderr) }

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }

    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
