import Benchmark
import BenchmarkFixtures
import Foundation
import NoteKit

/// The front-matter scanner, the hot path of every query: entries parsed from bytes in memory,
/// so the figures leave out the disk.
let benchmarks: @Sendable () -> Void = {
    Benchmark("Scanner: parse 1,000 day entries (Note(parsing:))", configuration: HearthBenchmark.configuration) { (_: Benchmark, files: [(String, Data)]) in
        for (path, data) in files {
            blackHole(try? Note(parsing: data, path: path))
        }
    } setup: {
        entryFiles()
    }

    Benchmark("Scanner: front-matter of 1,000 day entries (FrontMatter(lines:))", configuration: HearthBenchmark.configuration) { (_: Benchmark, blocks: [(String, [String])]) in
        for (path, lines) in blocks {
            blackHole(try? FrontMatter(lines: lines, path: path))
        }
    } setup: {
        frontMatterBlocks()
    }
}

/// 1,000 day entries' paths and bytes.
func entryFiles() -> [(String, Data)] {
    (0..<1_000).map { (DayEntries.path($0), Data(DayEntries.text($0).utf8)) }
}

/// 1,000 day entries' front-matter lines (between the fences, each with its terminator, as
/// `Note(parsing:)` hands them on).
func frontMatterBlocks() -> [(String, [String])] {
    (0..<1_000).map { index -> (String, [String]) in
        let lines = DayEntries.text(index).split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        let closing = lines.dropFirst().firstIndex(of: "---\n")!
        return (DayEntries.path(index), Array(lines[1..<closing]))
    }
}
