import Foundation
import Synchronization

/// Bounds how long one fetch, push or clone waits for a silent remote. libgit2 1.5 has no
/// timeouts (`GIT_OPT_SET_SERVER_TIMEOUT` came with 1.7) and blocks in `recv`, `send`, `poll` or
/// `connect` for as long as the peer keeps the connection open, so a thread beside the call watches
/// the TCP connections the operation opened. When one has neither received data nor sent data the
/// remote acknowledged for `timeout` seconds (the kernel's own clocks, `TCP_INFO`'s
/// `tcpi_last_data_recv`, `tcpi_last_data_sent` and `tcpi_last_ack_recv`), it is shut down: the
/// blocked call returns end-of-file or `EPIPE`, libgit2 fails normally and frees everything, and
/// the caller reports a timeout.
///
/// Measuring silence on the socket rather than counting progress callbacks means a server that is
/// busy but alive (git's keep-alive packets while it counts objects or runs a hook) is never cut,
/// and every phase is covered, including the TLS or ssh handshake and the reference advertisement,
/// which have no callbacks.
///
/// Which sockets: those opened after the operation started, and of them the ones talking to the
/// remote's port (or still connecting); if none is, every new one (a redirect to another port).
/// That keeps other threads' connections, and servers in the same process (tests), out of reach.
/// Linux only (`/proc/self/fd`, `TCP_INFO`, in NetworkWatchdog+Linux.swift); elsewhere the
/// operation runs unwatched (``watchesConnections``).
package final class NetworkWatchdog: Sendable {
    private let timeout: TimeInterval
    private let remotePort: UInt16?
    private let baseline: Set<UInt64>
    /// Whether the caller asked the watching thread to stop, and whether it cut a connection.
    private let state = Mutex((stopped: false, fired: false))
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    private init(timeout: TimeInterval, remotePort: UInt16?) {
        self.timeout = timeout
        self.remotePort = remotePort
        baseline = Set(Self.tcpSockets().map(\.inode))
    }

    /// Runs `body` (one blocking libgit2 network call) with a watchdog when `url` goes over the
    /// network and `timeout` is set; says whether the watchdog had to cut a connection. SIGPIPE is
    /// blocked on this thread meanwhile: libgit2 1.5 sends without `MSG_NOSIGNAL`, so writing to a
    /// connection the peer (or the watchdog) closed would otherwise kill the process.
    static func guarding<T, E: Error>(
        url: String?, timeout: TimeInterval?, _ body: () throws(E) -> T
    ) throws(E) -> (result: T, timedOut: Bool) {
        let pipeGuard = BrokenPipeGuard()
        defer { pipeGuard.restore() }
        guard Self.watchesConnections, let timeout, timeout > 0, let url, Self.isNetworkURL(url) else {
            return (try body(), false)
        }
        let watchdog = NetworkWatchdog(timeout: timeout, remotePort: Self.port(of: url))
        Thread.detachNewThread { watchdog.watch() }
        let result: T
        do {
            result = try body()
        } catch {
            _ = watchdog.stop()
            throw error
        }
        return (result, watchdog.stop())
    }

    /// The error for an operation the watchdog cut: "<url> did not answer for 30 s", with the
    /// limit as its ``GitError/Cause/timeout(seconds:)``.
    static func timeoutError(url: String, timeout: TimeInterval, operation: String) -> GitError {
        let seconds = timeout.rounded() == timeout ? String(Int(timeout)) : String(timeout)
        return GitError(
            code: .timeout, errorClass: 12, // GIT_ERROR_NET
            message: "\(Remote.redacted(url)) did not answer for \(seconds) s",
            operation: operation, cause: .timeout(seconds: timeout)
        )
    }

    /// Stops watching and waits for the watching thread; whether it cut a connection.
    private func stop() -> Bool {
        state.withLock { $0.stopped = true }
        wake.signal()
        finished.wait()
        return state.withLock { $0.fired }
    }

    private func watch() {
        defer { finished.signal() }
        // Often enough to cut close to the limit, rarely enough to cost nothing.
        let interval = min(max(timeout / 8, 0.05), 1)
        // When each new socket was first listed: this thread's own, so no lock.
        var firstSeen: [UInt64: Date] = [:]
        while true {
            if state.withLock({ $0.stopped }) { return }
            inspect(firstSeen: &firstSeen)
            _ = wake.wait(timeout: .now() + interval)
        }
    }

    private func inspect(firstSeen: inout [UInt64: Date]) {
        let now = Date()
        let fresh = Self.tcpSockets().filter { !baseline.contains($0.inode) }
        for socket in fresh where firstSeen[socket.inode] == nil { firstSeen[socket.inode] = now }
        let toRemote = fresh.filter { $0.isConnecting || remotePort != nil && $0.peerPort == remotePort }
        let watched = remotePort != nil && toRemote.contains(where: { !$0.isConnecting }) ? toRemote : fresh
        for socket in watched {
            let age = now.timeIntervalSince(firstSeen[socket.inode] ?? now)
            guard min(age, socket.silence) >= timeout else { continue }
            // The descriptor could have been closed and reused since it was listed; cut it only
            // while it is still the same socket.
            guard Self.inode(of: socket.descriptor) == socket.inode else { continue }
            shutdown(socket.descriptor, Int32(SHUT_RDWR))
            state.withLock { $0.fired = true }
        }
    }

    /// One TCP socket of this process.
    struct TCPSocket {
        var descriptor: Int32
        var inode: UInt64
        var peerPort: UInt16?
        var isConnecting: Bool
        /// Seconds since data last came in, or went out and was acknowledged.
        var silence: TimeInterval
    }

    /// The inode of `descriptor` when it is a socket.
    static func inode(of descriptor: Int32) -> UInt64? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFSOCK else { return nil }
        return UInt64(status.st_ino)
    }

    static func peerPort(of descriptor: Int32) -> UInt16? {
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let found = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(descriptor, $0, &length) == 0 }
        }
        guard found else { return nil }
        switch Int32(address.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            }
        case AF_INET6:
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
        default:
            return nil
        }
    }

    /// Whether libgit2 reaches `url` over the network: a URL with a scheme other than file://,
    /// or scp-like `host:path`. Local paths never block on a peer.
    package static func isNetworkURL(_ url: String) -> Bool {
        Remote.localPath(of: url) == nil
    }

    /// The TCP port `url` names, or its scheme's default; nil when unknown.
    package static func port(of url: String) -> UInt16? {
        guard let schemeEnd = url.range(of: "://") else { return isNetworkURL(url) ? 22 : nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        var authority = url[schemeEnd.upperBound...].prefix { $0 != "/" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        // "[::1]:8080" or "host:8080"
        let hostEnd = authority.hasPrefix("[") ? authority.firstIndex(of: "]").map { authority.index(after: $0) } : authority.firstIndex(of: ":")
        if let hostEnd, hostEnd < authority.endIndex, authority[hostEnd] == ":" {
            return UInt16(authority[authority.index(after: hostEnd)...])
        }
        switch scheme {
        case "http": return 80
        case "https": return 443
        case "git": return 9418
        case "ssh", "ssh+git", "git+ssh": return 22
        default: return nil
        }
    }
}
