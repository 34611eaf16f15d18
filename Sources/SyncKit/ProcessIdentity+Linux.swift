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
        FileManager.default.contents(atPath: "/proc/sys/kernel/random/boot_id")
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }
}
#endif
