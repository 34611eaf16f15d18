#if canImport(Darwin)
import Darwin

extension ProcessIdentity {
    /// `kp_proc.p_starttime` from `sysctl(KERN_PROC_PID)`, and whether the process is a zombie;
    /// nil when there is no such process or it cannot be read.
    static func startTime(of pid: Int32) -> (start: String, exited: Bool)? {
        var info = kinfo_proc()
        var size = MemoryLayout<kinfo_proc>.stride
        var name: [Int32] = [CTL_KERN, KERN_PROC, KERN_PROC_PID, pid]
        guard sysctl(&name, UInt32(name.count), &info, &size, nil, 0) == 0, size > 0 else { return nil }
        // `p_starttime` is a C macro for this union member, which Swift does not import.
        let start = info.kp_proc.p_un.__p_starttime
        return ("\(start.tv_sec).\(start.tv_usec)", Int32(info.kp_proc.p_stat) == SZOMB)
    }

    /// `kern.bootsessionuuid`.
    static var bootID: String? {
        var size = 0
        guard sysctlbyname("kern.bootsessionuuid", nil, &size, nil, 0) == 0, size > 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: size)
        guard sysctlbyname("kern.bootsessionuuid", &bytes, &size, nil, 0) == 0 else { return nil }
        return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// The host UUID (`gethostuuid`, the hardware's platform UUID).
    static var machineID: String? {
        var bytes = [UInt8](repeating: 0, count: 16)
        var wait = timespec(tv_sec: 1, tv_nsec: 0)
        guard gethostuuid(&bytes, &wait) == 0, bytes.contains(where: { $0 != 0 }) else { return nil }
        return bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// macOS has no pid or time namespaces: every process on the machine counts alike.
    static var namespaceIDs: String? { "" }
}
#endif
