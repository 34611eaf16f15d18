#if canImport(Darwin)
extension Libgit2 {
    /// Runs `body` (the libgit2 initialisation). On macOS libgit2 uses the system's TLS, whose
    /// trust store is read when a connection needs it: nothing to defer (and a program cannot
    /// take over a library's call there as on Linux; see `Libgit2+Linux.swift`).
    static func deferringSystemCertificates<T>(_ body: () -> T) -> T {
        body()
    }

    /// Nothing was deferred.
    static func loadSystemCertificates() {}

    /// Nothing was deferred.
    static func loadSSHLibrary() {}
}
#endif
