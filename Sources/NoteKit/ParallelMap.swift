import Dispatch
import Foundation

/// Maps over an array on all cores, keeping the order: reading thousands of small entries is
/// CPU-bound parsing once the files are in the page cache.
enum ParallelMap {
    static func map<Element: Sendable, Output: Sendable>(_ items: [Element], _ transform: @Sendable (Element) -> Output) -> [Output] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard items.count > 64, cores > 1 else { return items.map(transform) }
        let slots = UnsafeMutableBufferPointer<Output?>.allocate(capacity: items.count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        let chunks = min(items.count, cores * 4)
        let chunkSize = (items.count + chunks - 1) / chunks
        // Each chunk writes only its own slots, so no two threads touch one element.
        nonisolated(unsafe) let output = slots
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * chunkSize
            let end = min(start + chunkSize, items.count)
            guard start < end else { return }
            for index in start..<end { output[index] = transform(items[index]) }
        }
        return slots.map { $0! }
    }
}
