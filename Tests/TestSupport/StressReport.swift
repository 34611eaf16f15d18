import Foundation

/// Figures from the crash and property tests, for README's guarantees section: appended, one line
/// per test, to the file named by `HEARTH_STRESS_REPORT` (`make test-stress` sets it) and
/// ignored otherwise.
public enum StressReport {
    /// Appends `line` to the report file, if there is one.
    public static func append(_ line: String) {
        guard let path = ProcessInfo.processInfo.environment["HEARTH_STRESS_REPORT"], !path.isEmpty else { return }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        // One write with O_APPEND: suites running in parallel never interleave within a line.
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}
