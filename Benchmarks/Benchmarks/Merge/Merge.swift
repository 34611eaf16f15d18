import Benchmark
import BenchmarkFixtures
import Foundation
import MergeKit

/// The entry merge a sync makes for every file both devices changed. LineDiff is `package`
/// access in NoteKit, out of this package's reach, so the second benchmark measures it through
/// the public merge: one long section edited throughout on both sides is two line diffs of
/// 2,000 lines against the base, and little else.
let benchmarks: @Sendable () -> Void = {
    let laptop = MergeSide(device: "laptop", time: Date(timeIntervalSince1970: 1_700_000_000))
    let desk = MergeSide(device: "desk", time: Date(timeIntervalSince1970: 1_700_000_100))

    Benchmark("EntryMerger: 1,000 day entries, a key and a line on each side", configuration: HearthBenchmark.configuration) { (_: Benchmark, versions: [MergeInput]) in
        for input in versions {
            blackHole(EntryMerger.merge(path: input.path, base: input.base, first: input.first, second: input.second, firstSide: laptop, secondSide: desk))
        }
    } setup: {
        (0..<1_000).map(MergeInput.dayEntry)
    }

    Benchmark("EntryMerger: one 2,000-line section edited throughout on both sides (LineDiff)", configuration: HearthBenchmark.configuration) { (_: Benchmark, input: MergeInput) in
        blackHole(EntryMerger.merge(path: input.path, base: input.base, first: input.first, second: input.second, firstSide: laptop, secondSide: desk))
    } setup: {
        MergeInput.longSection(lines: 2_000)
    }
}
