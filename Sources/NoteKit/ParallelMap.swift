import Dispatch
import Foundation

/// Maps over an array on several threads, keeping the order. Two ways to spread the work, one
/// way to collect it: ``map(_:_:)`` for work that computes (reading thousands of small entries is
/// CPU-bound parsing once the files are in the page cache), ``map(_:width:_:)`` for work that
/// waits on the disk (writes and fsyncs, which overlap whatever the number of cores).
package enum ParallelMap {
    /// `transform` over `items` in chunks on all cores; small inputs on the calling thread.
    package static func map<Element: Sendable, Output: Sendable>(_ items: [Element], _ transform: @Sendable (Element) -> Output) -> [Output] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard items.count > 64, cores > 1 else { return items.map(transform) }
        let chunks = min(items.count, cores * 4)
        let chunkSize = (items.count + chunks - 1) / chunks
        return collect(items.count) { slots in
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * chunkSize
                let end = min(start + chunkSize, items.count)
                guard start < end else { return }
                for index in start..<end { slots.store(transform(items[index]), at: index) }
            }
        }
    }

    /// `body` over consecutive ranges that cover `0..<count`, on all cores, results in order:
    /// each range gathers its own results, so a large input builds no per-element array of
    /// them. Small inputs run as one range on the calling thread.
    package static func chunked<Output: Sendable>(_ count: Int, _ body: @Sendable (Range<Int>) -> Output) -> [Output] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard count > 64, cores > 1 else { return [body(0..<count)] }
        let chunks = min(count / 32, cores * 8)
        let chunkSize = (count + chunks - 1) / chunks
        return collect(chunks) { slots in
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = min(chunk * chunkSize, count)
                slots.store(body(start..<min(start + chunkSize, count)), at: chunk)
            }
        }
    }

    /// `transform` over `items` with up to `width` running at once, each on a thread of the
    /// global queue.
    package static func map<Element: Sendable, Output: Sendable>(_ items: [Element], width: Int,
                                                              _ transform: @escaping @Sendable (Element) -> Output) -> [Output] {
        guard items.count > 1 else { return items.map(transform) }
        return collect(items.count) { slots in
            let group = DispatchGroup()
            let lanes = DispatchSemaphore(value: width)
            for (index, item) in items.enumerated() {
                lanes.wait()
                DispatchQueue.global().async(group: group) {
                    slots.store(transform(item), at: index)
                    lanes.signal()
                }
            }
            group.wait()
        }
    }

    /// Runs `fill`, which must store every slot and return only once all its threads are done,
    /// and returns the slots in order.
    private static func collect<Output>(_ count: Int, _ fill: (Slots<Output>) -> Void) -> [Output] {
        let buffer = UnsafeMutableBufferPointer<Output?>.allocate(capacity: count)
        buffer.initialize(repeating: nil)
        defer {
            buffer.deinitialize()
            buffer.deallocate()
        }
        fill(Slots(buffer: buffer))
        return buffer.map { $0! }
    }

    /// One slot per result, written from many threads.
    ///
    /// `@unchecked Sendable`, and safe: each index is stored by exactly one thread, so no two
    /// threads touch one element, and the slots are read only after `fill` has waited for every
    /// writer (`concurrentPerform` and `DispatchGroup.wait` order those writes before the read).
    private struct Slots<Output>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Output?>

        func store(_ value: Output, at index: Int) { buffer[index] = value }
    }
}
