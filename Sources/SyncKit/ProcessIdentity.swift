import Foundation

/// Who a process is, told apart from a later process that the system gave the same pid: its pid,
/// when it started (as the system counts), the boot it ran in, the machine and host, and (on
/// Linux) the pid and time namespaces it saw them through. Recorded beside a lock it takes, so
/// that the lock can later be proven left behind by a process that is gone.
struct ProcessIdentity: Equatable {
    var pid: Int32
    /// The process's start time as the system reports it; nil when it cannot be read.
    var start: String?
    /// This boot's id; nil when the system does not tell.
    var boot: String?
    var host: String
    /// The machine's id (`/etc/machine-id`, the host UUID on macOS); nil when it cannot be read.
    /// A host name is shared by cloned machines and "localhost"; a boot id differs between
    /// machines as it does between boots, so only on the same machine does it mean a reboot.
    var machine: String?
    /// The namespaces the pid and start time are counted in (Linux: device and inode of
    /// `/proc/self/ns/pid` and `ns/time`; empty where there are none); nil when unreadable. A
    /// process in another container or Flatpak sandbox on this machine, sharing its host name
    /// and boot id, counts pids and times differently.
    var namespaces: String?

    // `startTime(of:)` (with whether the process is a zombie), `bootID`, `machineID` and
    // `namespaceIDs` are in ProcessIdentity+Linux.swift and ProcessIdentity+Darwin.swift.

    /// This process, read once: a sync records it right after taking a lock, where every
    /// system call widens the window in which a kill leaves the lock unrecorded.
    static let current: ProcessIdentity = {
        let pid = getpid()
        return ProcessIdentity(pid: pid, start: startTime(of: pid)?.start, boot: bootID, host: hostName,
                               machine: machineID, namespaces: namespaceIDs)
    }()

    /// Whether the process recorded may still be running. False only when that is proven: this
    /// host and machine, seen through the same namespaces, and the machine rebooted since, or no
    /// process has that pid, or the one that has it started at another time (the pid was reused)
    /// or has exited (a zombie). Anything that cannot be read counts as running.
    var mayBeRunning: Bool {
        guard host == Self.hostName, let machine, machine == Self.machineID,
              let namespaces, namespaces == Self.namespaceIDs else { return true }
        if let boot, let now = Self.bootID, boot != now { return false }
        if kill(pid, 0) != 0, errno == ESRCH { return false }
        guard let start, let running = Self.startTime(of: pid) else { return true }
        return running.start == start && !running.exited
    }

    /// This machine's host name.
    static var hostName: String {
        var name = [UInt8](repeating: 0, count: 256)
        guard gethostname(&name, name.count - 1) == 0 else { return "" }
        return String(decoding: name.prefix { $0 != 0 }, as: UTF8.self)
    }
}
