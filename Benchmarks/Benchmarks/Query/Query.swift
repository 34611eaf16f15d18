import Benchmark
import BenchmarkFixtures
import Foundation
import NoteKit

/// `hearth list --kind day --where 'energy<=1'`: the query alone on parsed entries, and the whole
/// scan (read, parse, match, in parallel) of a notebook on disk.
let benchmarks: @Sendable () -> Void = {
    Benchmark.teardown = { FixtureFolder.removeAll() }
    let query = NoteKit.Query(kinds: [.day], conditions: [try! QueryCondition(parsing: "energy<=1")])

    Benchmark("Query: match 10,000 parsed entries (kind day, energy<=1)", configuration: HearthBenchmark.configuration) { (_: Benchmark, notes: [Note]) in
        var matched = 0
        for note in notes where query.matches(note) { matched += 1 }
        blackHole(matched)
    } setup: {
        try (0..<10_000).map { try Note(parsing: DayEntries.text($0), path: DayEntries.path($0)) }
    }

    Benchmark("Query: Notebook.scan of 2,000 entries on disk (kind day, energy<=1)", configuration: HearthBenchmark.configuration) { (_: Benchmark, notebook: FixtureNotebook) in
        blackHole(Notebook(root: notebook.root).scan(query))
    } setup: {
        try FixtureNotebook(days: 2_000)
    }
}
