import Foundation

/// Bytes read on another thread (a pipe drained concurrently), handed back after a join.
final class DataBox: @unchecked Sendable {
    /// The bytes read.
    var data = Data()

    /// An empty box.
    init() {}
}
