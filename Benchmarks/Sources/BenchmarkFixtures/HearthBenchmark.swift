import Benchmark

/// What every Hearth benchmark measures and for how long.
public enum HearthBenchmark {
    /// Instructions and mallocs are the figures to compare between runs: they hardly move with
    /// the machine's load, where wall time on a shared 2-core machine can double.
    public static let metrics: [BenchmarkMetric] = [.instructions, .mallocCountTotal, .wallClock, .peakMemoryResident]

    /// At most 3 s or 100 iterations a benchmark, so `make bench` stays within a few minutes.
    public static var configuration: Benchmark.Configuration {
        Benchmark.Configuration(
            metrics: metrics,
            warmupIterations: 1,
            maxDuration: .seconds(3),
            maxIterations: 100
        )
    }
}
