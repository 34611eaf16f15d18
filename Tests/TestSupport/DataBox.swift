import Foundation

/// Bytes read on another thread (a pipe drained concurrently), handed back after a join.
public final class DataBox: @unchecked Sendable {
    /// The bytes read.
    public var data = Data()

    /// An empty box.
    public init() {}
}
