import Foundation

/// Bytes read on another thread (a pipe drained concurrently), handed back after a join.
///
/// `@unchecked Sendable`, and safe as used: one thread writes `data` and the other reads it only
/// after joining that thread (a semaphore or group wait), which orders the two.
final class DataBox: @unchecked Sendable {
    /// The bytes read.
    var data = Data()

    /// An empty box.
    init() {}
}
