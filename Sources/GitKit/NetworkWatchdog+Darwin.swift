#if canImport(Darwin)
import Foundation

extension NetworkWatchdog {
    /// Darwin's `TCP_CONNECTION_INFO` has no time since data last moved, and there is no
    /// `/proc/self/fd`: operations run unwatched, as libgit2 runs them.
    static let watchesConnections = false

    /// Never called while ``watchesConnections`` is false.
    static func tcpSockets() -> [TCPSocket] { [] }
}
#endif
