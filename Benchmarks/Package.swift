// swift-tools-version:6.1
import PackageDescription

// Hearth's micro-benchmarks (`make bench`), a package of their own so the main package, its
// tests and CI never build the benchmark library or its malloc interposer.
// The MallocInterposer trait alone: the default traits also ask on Linux for the Swift runtime
// interposer (ARC counts), a package this machine's package mirror does not have.

/// Settings every benchmark target shares, as the main package's do.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

/// A benchmark suite under `Benchmarks/NAME`, which package-benchmark's plugin finds and runs.
func suite(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            "BenchmarkFixtures",
            .product(name: "Benchmark", package: "benchmark"),
        ] + products.map { .product(name: $0, package: "Hearth") },
        path: "Benchmarks/\(name)",
        swiftSettings: swiftSettings,
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "HearthBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named, so the products below resolve whatever the checkout's folder is called.
        .package(name: "Hearth", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "BenchmarkFixtures",
            dependencies: [.product(name: "Benchmark", package: "benchmark")],
            swiftSettings: swiftSettings
        ),
        suite("Scanner", ["NoteKit"]),
        suite("Query", ["NoteKit"]),
        suite("Merge", ["MergeKit"]),
        suite("History", ["HistoryKit", "NoteKit"]),
    ]
)
