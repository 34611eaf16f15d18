import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A TCP server on 127.0.0.1 that misbehaves the way dead remotes do: it accepts connections and
/// then either never answers (holding each connection open until ``stop()``) or reads what the
/// client sends and closes the connection without a word. Nothing a git client can parse ever
/// comes back, whatever the protocol (git://, http://, https://, ssh://). Or it holds a port
/// nobody listens on.
public final class SilentServer: Sendable {
    /// What the server does with a connection.
    public enum Behaviour: Sendable, Equatable {
        /// Accept, read, never write, keep the connection open.
        case neverAnswer
        /// Accept, read until the client's first pause, close.
        case closeAfterReading
        /// Hold the port without listening: every connection is refused.
        case refuseConnections
        /// Speak git's protocol just far enough (read the request, advertise one branch at a commit
        /// the client lacks), then never answer again: the client is connected and mid-fetch
        /// when it is cut off, and says goodbye by writing to the dead connection.
        case advertiseThenHang
        /// Answer an HTTP request with a status line and then one header line every quarter of a
        /// second for `seconds`, then close: slow but never silent for long, like a busy server
        /// sending keep-alives.
        case trickle(seconds: Double)
    }

    /// The port it listens on.
    public let port: Int
    private let behaviour: Behaviour
    private let listener: Int32
    /// Connections held open, and how many were accepted in all.
    private let state = Mutex((connections: [Int32](), accepted: 0))
    private let finished = DispatchSemaphore(value: 0)

    /// Starts listening and serving on a background thread.
    public init(_ behaviour: Behaviour) throws {
        let (listener, port) = try LocalPort.bound(listening: behaviour != .refuseConnections)
        self.listener = listener
        self.behaviour = behaviour
        self.port = port
        if behaviour == .refuseConnections {
            finished.signal()
        } else {
            Thread.detachNewThread { [self] in serve() }
        }
    }

    /// How many connections it has accepted.
    public var accepted: Int {
        state.withLock { $0.accepted }
    }

    /// Stops accepting, waits for the serving thread and closes every connection still open.
    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        // Closed only once the serving thread is done with it: closed earlier, its number could
        // be reused by another test's socket and accepted on from here.
        finished.wait()
        close(listener)
        let open = state.withLock { state in
            defer { state.connections = [] }
            return state.connections
        }
        for connection in open { close(connection) }
    }

    /// A commit id no test repository has.
    private static let missingCommit = String(repeating: "1", count: 40)

    /// `text` as a git pkt-line: four hex digits of length (their own included), then the text.
    private static func packetLine(_ text: String) -> String {
        let hex = String(text.utf8.count + 4, radix: 16)
        return String(repeating: "0", count: 4 - hex.count) + hex + text
    }

    private func serve() {
        defer { finished.signal() }
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            state.withLock { $0.accepted += 1 }
            switch behaviour {
            case .neverAnswer:
                state.withLock { $0.connections.append(connection) }
            case .closeAfterReading:
                // Whatever the client sent first (a request line, a TLS hello, an ssh banner).
                var buffer = [UInt8](repeating: 0, count: 65536)
                var pollDescriptor = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
                if poll(&pollDescriptor, 1, 2000) > 0 { _ = read(connection, &buffer, buffer.count) }
                close(connection)
            case .refuseConnections:
                close(connection)
            case .advertiseThenHang:
                var buffer = [UInt8](repeating: 0, count: 65536)
                var pollDescriptor = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
                if poll(&pollDescriptor, 1, 2000) > 0 { _ = read(connection, &buffer, buffer.count) }
                let advertisement = Self.packetLine("\(Self.missingCommit) HEAD\0side-band-64k ofs-delta\n")
                    + Self.packetLine("\(Self.missingCommit) refs/heads/main\n") + "0000"
                let bytes = Array(advertisement.utf8) // holds a NUL: not a C string
                _ = write(connection, bytes, bytes.count)
                state.withLock { $0.connections.append(connection) }
            case .trickle(let seconds):
                var buffer = [UInt8](repeating: 0, count: 65536)
                _ = read(connection, &buffer, buffer.count)
                let end = Date().addingTimeInterval(seconds)
                var line = Array("HTTP/1.1 200 OK\r\n".utf8)
                while Date() < end, write(connection, line, line.count) == line.count {
                    line = Array("X-Still-Working: yes\r\n".utf8)
                    usleep(250_000)
                }
                close(connection)
            }
        }
    }
}
