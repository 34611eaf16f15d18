import Foundation

/// Text gathered from a pipe's handler thread.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    /// Appends `chunk` and returns everything gathered so far.
    func append(_ chunk: Data) -> String {
        lock.withLock {
            data.append(chunk)
            return String(decoding: data, as: UTF8.self)
        }
    }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
