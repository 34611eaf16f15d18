import Foundation
import TestSupport

/// Results written by concurrent workers into their own slots, read once all have finished.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<ProcessResult, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<ProcessResult, any Error>) {
        lock.withLock { slots[index] = result }
    }

    /// Every slot's result; call after the workers are done.
    var values: [Result<ProcessResult, any Error>] {
        lock.withLock { slots.compactMap { $0 } }
    }
}
