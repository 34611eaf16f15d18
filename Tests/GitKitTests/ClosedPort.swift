import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A TCP port on 127.0.0.1 that refuses connections: bound (so no other test can take it) but
/// never listening.
final class ClosedPort {
    /// The port number.
    let port: Int
    private let socketDescriptor: Int32

    /// Binds a fresh port without listening on it.
    init() throws {
        let (socketDescriptor, port) = try LocalPort.bound(listening: false)
        self.socketDescriptor = socketDescriptor
        self.port = port
    }

    deinit { close(socketDescriptor) }
}
