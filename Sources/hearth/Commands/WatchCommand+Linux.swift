#if os(Linux)
extension WatchCommand {
    /// This program, for the restart's `exec`: the kernel's link to the running executable, which
    /// still works when the file was replaced or moved since it started.
    static var executablePath: String? { "/proc/self/exe" }
}
#endif
