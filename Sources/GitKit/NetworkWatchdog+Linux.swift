#if os(Linux)
import Foundation
import Glibc

extension NetworkWatchdog {
    /// Linux tells each socket's silence (`TCP_INFO`) and lists the process's descriptors
    /// (`/proc/self/fd`).
    static let watchesConnections = true

    /// This process's TCP sockets that are connecting or connected.
    static func tcpSockets() -> [TCPSocket] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return [] }
        return names.compactMap { name -> TCPSocket? in
            guard let descriptor = Int32(name), let inode = inode(of: descriptor) else { return nil }
            var info = tcp_info()
            var length = socklen_t(MemoryLayout<tcp_info>.size)
            guard getsockopt(descriptor, Int32(IPPROTO_TCP), TCP_INFO, &info, &length) == 0 else { return nil }
            // Linux's TCP states: 1 established, 2 SYN sent.
            guard info.tcpi_state == 1 || info.tcpi_state == 2 else { return nil }
            // Sending counts only while the remote acknowledges it: when this machine's own link
            // is down, the kernel retries a failed send every half second and each retry counts
            // as data sent, so a dead link never looked silent and a push waited on it forever.
            let sending = max(info.tcpi_last_data_sent, info.tcpi_last_ack_recv)
            let silence = TimeInterval(min(info.tcpi_last_data_recv, sending)) / 1000
            return TCPSocket(descriptor: descriptor, inode: inode, peerPort: peerPort(of: descriptor),
                             isConnecting: info.tcpi_state == 2, silence: silence)
        }
    }
}
#endif
