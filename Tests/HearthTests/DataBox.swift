import Foundation

/// Bytes filled in by a reader thread and read after it has finished (a `DispatchGroup` orders
/// the two accesses), so the unchecked `Sendable` is sound.
final class DataBox: @unchecked Sendable {
    var data = Data()
}
