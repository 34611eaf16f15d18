#if os(Linux)
import Foundation

extension ProcessIdentity {
    /// Field 22 of `/proc/PID/stat` (clock ticks since boot), and whether field 3 says the
    /// process has exited (`Z`, `X`); nil when there is no such process or it cannot be read.
    static func startTime(of pid: Int32) -> (start: String, exited: Bool)? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        // The command name (field 2) is in parentheses and may hold spaces and parentheses itself.
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 19 else { return nil }
        return (String(fields[19]), fields[0] == "Z" || fields[0] == "X")
    }

    /// `/proc/sys/kernel/random/boot_id`.
    static var bootID: String? {
        firstLine(of: "/proc/sys/kernel/random/boot_id")
    }

    /// `/etc/machine-id`, or `/var/lib/dbus/machine-id` where systemd's is missing.
    static var machineID: String? {
        firstLine(of: "/etc/machine-id") ?? firstLine(of: "/var/lib/dbus/machine-id")
    }

    /// The device and inode of `/proc/self/ns/pid` and of `/proc/self/ns/time` ("-" on a kernel
    /// without time namespaces); nil when the pid namespace cannot be read.
    static var namespaceIDs: String? {
        func identity(_ path: String) -> (id: String?, missing: Bool) {
            var info = stat()
            guard stat(path, &info) == 0 else { return (nil, errno == ENOENT) }
            return ("\(info.st_dev):\(info.st_ino)", false)
        }
        let time = identity("/proc/self/ns/time")
        guard let pid = identity("/proc/self/ns/pid").id, time.id != nil || time.missing else { return nil }
        return "pid \(pid) time \(time.id ?? "-")"
    }

    /// The first line of the file at `path`, trimmed; nil when unreadable or empty.
    private static func firstLine(of path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let line = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return line.isEmpty ? nil : line
    }
}
#endif
