import Foundation

/// Runs an executable with an explicit environment and working directory and collects its
/// output. Both pipes are drained at the same time so a chatty child can never stall on a full pipe.
public enum ProcessRunner {
    /// Runs `executable` with `arguments` in `directory`. With `mergeOutput`, stdout and stderr
    /// share one pipe (in `stdoutData`), which shows the order in which the child wrote them.
    /// With `killAfter`, the child gets SIGKILL once that many seconds have passed, if it is
    /// still running (the crash tests' random-delay kills); `ProcessResult.wasKilled` says whether
    /// it died that way.
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String],
                    mergeOutput: Bool = false, killAfter: TimeInterval? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let out = Pipe()
        let err = mergeOutput ? out : Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // A thread of its own: GCD's pool can be busy with blocking reads (this function's own
        // among them) and would run a queued kill only after the child had finished.
        let exited = DispatchSemaphore(value: 0)
        if let killAfter {
            let pid = process.processIdentifier
            Thread.detachNewThread {
                if exited.wait(timeout: .now() + killAfter) == .timedOut { kill(pid, SIGKILL) }
            }
        }
        // Foundation closes the parent's write ends after spawning, so the reads below see end of file.
        let errorBox = DataBox()
        let group = DispatchGroup()
        if !mergeOutput {
            let handle = err.fileHandleForReading
            DispatchQueue.global().async(group: group) { errorBox.data = handle.readDataToEndOfFile() }
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        // Wakes the killer, which then leaves the child alone. Between the reaping inside
        // waitUntilExit and this line lie microseconds, far too few for the kernel to hand the
        // pid to another process (it cycles through all free pids first).
        exited.signal()
        return ProcessResult(status: process.terminationStatus, stdoutData: outData, stderrData: errorBox.data,
                             wasKilled: process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
    }
}
