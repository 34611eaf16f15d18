#if canImport(Darwin)
import Darwin
import MachO

extension WatchCommand {
    /// This program, for the restart's `exec`: its path as dyld knows it (Darwin has no
    /// `/proc/self/exe`); nil when dyld cannot tell.
    static var executablePath: String? {
        var size: UInt32 = 0
        _ = _NSGetExecutablePath(nil, &size)
        var buffer = [CChar](repeating: 0, count: Int(size) + 1)
        guard _NSGetExecutablePath(&buffer, &size) == 0 else { return nil }
        return String(cString: buffer)
    }
}
#endif
