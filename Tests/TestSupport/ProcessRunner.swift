import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs an executable to completion with an explicit environment and working directory and
/// collects its output, on ``ChildProcess``. Both pipes are drained together on the calling
/// thread (poll), so a chatty child can never stall on a full pipe.
public enum ProcessRunner {
    /// Runs `executable` with `arguments` in `directory`. With `mergeOutput`, stdout and stderr
    /// share one pipe (in `stdoutData`), which shows the order in which the child wrote them.
    /// With `killAfter`, the child (in a process group of its own, with everything it started)
    /// gets SIGKILL once that many seconds have passed, if it is still running (the crash tests'
    /// random-delay kills); `ProcessResult.wasKilled` says whether it died that way.
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String],
                           mergeOutput: Bool = false, killAfter: TimeInterval? = nil) throws -> ProcessResult {
        let child = try ChildProcess(executable.path(percentEncoded: false), arguments, environment: environment,
                                     directory: directory.path(percentEncoded: false),
                                     stdout: .pipe, stderr: mergeOutput ? .sameAsStdout : .pipe, ownGroup: killAfter != nil)
        let clock = ContinuousClock()
        let deadline = killAfter.map { clock.now + .milliseconds(Int64($0 * 1000)) }
        var killed = false
        func killWhenDue() {
            if let deadline, !killed, clock.now >= deadline {
                child.signal(SIGKILL)
                killed = true
            }
        }
        var output = [Int32: Data]()
        var open = [child.stdoutPipe, child.stderrPipe].compactMap { $0 }
        for end in open {
            output[end] = Data()
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        while !open.isEmpty {
            killWhenDue()
            var waits = [pollfd]()
            for end in open { waits.append(pollfd(fd: end, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&waits, nfds_t(waits.count), Self.milliseconds(until: killed ? nil : deadline, clock: clock))
            if ready < 0 {
                guard errno == EINTR else { throw ChildProcess.Failure(description: "poll failed: \(String(cString: strerror(errno)))") }
                continue
            }
            if ready == 0 {
                // Quiet pipes and an exited child: something it started (tmux's server) holds
                // them open. What the child wrote is all in them already.
                if !child.isRunning {
                    for end in open { _ = drain(end, into: &output[end, default: Data()]) }
                    break
                }
                continue
            }
            for wait in waits where wait.revents != 0 {
                if drain(wait.fd, into: &output[wait.fd, default: Data()]) { open.removeAll { $0 == wait.fd } }
            }
        }
        // Its output closed; if a deadline is still ahead, the child may yet outlive it.
        while deadline != nil, !killed, child.isRunning {
            killWhenDue()
            Thread.sleep(forTimeInterval: 0.01)
        }
        let termination = child.wait()
        let stdoutData = child.stdoutPipe.flatMap { output[$0] } ?? Data()
        let stderrData = child.stderrPipe.flatMap { output[$0] } ?? Data()
        switch termination {
        case .exited(let code):
            return ProcessResult(status: code, stdoutData: stdoutData, stderrData: stderrData)
        case .signalled(let signal):
            // As Foundation's `Process` reported it: the signal's number as the status.
            return ProcessResult(status: signal, stdoutData: stdoutData, stderrData: stderrData, wasKilled: signal == SIGKILL)
        case .lost:
            return ProcessResult(status: termination.shellStatus, stdoutData: stdoutData, stderrData: stderrData)
        }
    }

    /// Reads what `end` (non-blocking) holds now into `data`; true at end of file.
    private static func drain(_ end: Int32, into data: inout Data) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(end, &buffer, buffer.count)
            if count > 0 {
                data.append(contentsOf: buffer[..<count])
            } else if count == 0 {
                return true
            } else if errno != EINTR {
                // EAGAIN: nothing more for now. Any other error ends the stream as end of file would.
                return errno != EAGAIN
            }
        }
    }

    /// How long a poll may wait: until `deadline`, and at most 100 ms so that a child that exited
    /// while its pipes stay open is noticed.
    private static func milliseconds(until deadline: ContinuousClock.Instant?, clock: ContinuousClock) -> Int32 {
        guard let deadline else { return 100 }
        let left = clock.now.duration(to: deadline)
        return Int32(max(0, min(100, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)))
    }
}
