#if canImport(Darwin)
// SDKs before macOS 15.4 declare `mach_task_self_` a plain mutable global, which Swift 6 refuses
// to read ("not concurrency-safe"); libSystem sets it once at start-up, before main, and nothing
// writes it again, so reading it from any thread is safe, as later SDKs say.
@preconcurrency import Darwin

extension ResidentMemory {
    /// The resident set size in bytes, from `task_info(MACH_TASK_BASIC_INFO)`; nil when the
    /// kernel does not answer.
    static func current() -> Int? {
        var info = mach_task_basic_info()
        var count = mach_msg_type_number_t(MemoryLayout<mach_task_basic_info>.size / MemoryLayout<natural_t>.size)
        let result = withUnsafeMutablePointer(to: &info) {
            $0.withMemoryRebound(to: integer_t.self, capacity: Int(count)) {
                task_info(mach_task_self_, task_flavor_t(MACH_TASK_BASIC_INFO), $0, &count)
            }
        }
        guard result == KERN_SUCCESS else { return nil }
        return Int(info.resident_size)
    }
}
#endif
