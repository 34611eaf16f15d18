import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP server on 127.0.0.1 that answers every request with 401 and a Basic challenge,
/// recording each request's first line and Authorization header: enough to watch libgit2's
/// credential loop without a real git host.
final class UnauthorizedHTTPServer: @unchecked Sendable {
    /// One request as received.
    struct Request: Sendable {
        var line: String
        var authorization: String?
    }

    /// The port it listens on.
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var received: [Request] = []
    private let finished = DispatchSemaphore(value: 0)

    /// Starts listening and serving on a background thread.
    init() throws {
        let (listener, port) = try LocalPort.bound(listening: true)
        self.listener = listener
        self.port = port
        Thread.detachNewThread { [self] in serve() }
    }

    /// The requests received so far.
    var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// Stops accepting and waits for the serving thread to end.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        // Closed after the serving thread is done with it, so its number is never reused under it.
        finished.wait()
        close(listener)
    }

    private func serve() {
        defer { finished.signal() }
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !data.contains(Data("\r\n\r\n".utf8)) {
                let count = read(connection, &buffer, buffer.count)
                guard count > 0 else { break }
                data.append(contentsOf: buffer[0..<count])
            }
            let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n")
            let authorization = lines.first { $0.lowercased().hasPrefix("authorization:") }
                .map { String($0.dropFirst("authorization:".count)).trimmingCharacters(in: .whitespaces) }
            lock.lock()
            received.append(Request(line: lines.first ?? "", authorization: authorization))
            lock.unlock()
            let response = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"hearth\"\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n"
            _ = response.withCString { write(connection, $0, strlen($0)) }
            close(connection)
        }
    }
}
