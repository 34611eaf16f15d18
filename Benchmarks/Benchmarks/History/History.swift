import Benchmark
import BenchmarkFixtures
import Foundation
import HistoryKit
import NoteKit

/// The history walk: `hearth log` (every commit told as changes to entries, each change a line
/// diff), `hearth log ENTRY` (following a renamed note back) and `hearth grep --history`, on a
/// notebook of 311 commits (300 along `main`, 11 of them merges of another device's commit)
/// that the git CLI builds in the setup (``FixtureHistory``).
let benchmarks: @Sendable () -> Void = {
    let commits = 300
    Benchmark.teardown = { FixtureFolder.removeAll() }

    Benchmark("History: log of 311 commits (NotebookHistory.events)", configuration: HearthBenchmark.configuration) { (_: Benchmark, fixture: FixtureHistory) in
        blackHole(try! NotebookHistory(root: fixture.root).events())
    } setup: {
        try FixtureHistory(commits: commits)
    }

    Benchmark("History: log of a note renamed 5 times (events(following:))", configuration: HearthBenchmark.configuration) { (_: Benchmark, fixture: FixtureHistory) in
        blackHole(try! NotebookHistory(root: fixture.root).events(following: fixture.renamedNote))
    } setup: {
        try FixtureHistory(commits: commits)
    }

    Benchmark("History: grep through 311 commits (HistorySearch, 'gpu cluster')", configuration: HearthBenchmark.configuration) { (_: Benchmark, fixture: FixtureHistory) in
        let matcher = try! GrepMatcher(pattern: "gpu cluster")
        blackHole(try! HistorySearch(query: GrepQuery(matcher: matcher), today: LocalDate(year: 2001, month: 1, day: 1)!).run(root: fixture.root))
    } setup: {
        try FixtureHistory(commits: commits)
    }
}
