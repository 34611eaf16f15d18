import Foundation

/// A pipe that lets another thread (the one that handles SIGTERM) wake a detector blocked in
/// `poll(2)`: writing a byte makes the read end readable. Both ends are non-blocking, so waking
/// never blocks and any number of wakes is fine.
final class WakeSignal: Sendable {
    /// The read end, for `poll(2)`.
    let readEnd: Int32
    private let writeEnd: Int32

    init() throws(SyncError) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw SyncError.io(path: "pipe", operation: "create the watcher's wake-up pipe", reason: String(cString: strerror(errno)))
        }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Makes the read end readable. Safe from any thread.
    func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Empties the pipe; whether it held anything.
    @discardableResult
    func drain() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64)
        var woken = false
        while read(readEnd, &buffer, buffer.count) > 0 { woken = true }
        return woken
    }

    /// Waits until `descriptor` (if any) is readable, the signal is raised, or `deadline` passes.
    func wait(for descriptor: Int32?, until deadline: Date) -> Readiness {
        var descriptors = [pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
        if let descriptor { descriptors.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { return .timedOut }
        // poll takes milliseconds in an Int32; round up so a wait never ends just short of the deadline.
        let milliseconds = Int32(min(remaining * 1000, Double(Int32.max)).rounded(.up))
        let count = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
        guard count > 0 else { return .timedOut }
        if descriptors[0].revents != 0 {
            drain()
            return .woken
        }
        return descriptors.count > 1 && descriptors[1].revents != 0 ? .readable : .timedOut
    }

    /// What ended a ``wait(for:until:)``.
    enum Readiness {
        case readable, woken, timedOut
    }
}
