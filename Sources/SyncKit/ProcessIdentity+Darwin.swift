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
        let start = info.kp_proc.p_starttime
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
}
#endif
