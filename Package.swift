// swift-tools-version:6.0
import PackageDescription
#if os(Linux)
import Glibc
#endif

/// Settings every Hearth module shares: Swift 6 language mode comes from the tools version;
/// `ExistentialAny` keeps protocol-typed values explicit, as swift-subprocess does.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

/// Whether the C library here loads packed relative relocations (DT_RELR, glibc 2.36 and later),
/// which the release build on Linux asks lld for (`-z pack-relative-relocs`): a program built with
/// them does not start on an older glibc, so the build leaves them out there.
let cLibraryLoadsPackedRelocations: Bool = {
    #if os(Linux)
    // "glibc 2.36"; nothing on another C library.
    var name = [CChar](repeating: 0, count: 64)
    guard confstr(Int32(_CS_GNU_LIBC_VERSION), &name, name.count) > 0 else { return false }
    let version = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        .split(separator: " ").last?.split(separator: ".").compactMap { Int($0) } ?? []
    return version.count >= 2 && (version[0], version[1]) >= (2, 36)
    #else
    return false
    #endif
}()

let package = Package(
    name: "Hearth",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hearth", targets: ["hearth"]),
        .library(name: "NoteKit", targets: ["NoteKit"]),
        .library(name: "GitKit", targets: ["GitKit"]),
        .library(name: "MergeKit", targets: ["MergeKit"]),
        .library(name: "HistoryKit", targets: ["HistoryKit"]),
        .library(name: "SyncKit", targets: ["SyncKit"]),
        .library(name: "JournalKit", targets: ["JournalKit"]),
        .library(name: "VaultKit", targets: ["VaultKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // VaultKit (encrypted remotes): ChaChaPoly, HKDF, SHA-256 and, in CryptoExtras, scrypt.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // `make docs`: the DocC catalogues of NoteKit, MergeKit and SyncKit.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "Clibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .target(name: "GitKit", dependencies: ["Clibgit2"], swiftSettings: swiftSettings),
        .target(name: "NoteKit", dependencies: ["Yams"], swiftSettings: swiftSettings),
        .target(name: "MergeKit", dependencies: ["NoteKit"], swiftSettings: swiftSettings),
        .target(name: "HistoryKit", dependencies: ["GitKit", "NoteKit", "MergeKit"], swiftSettings: swiftSettings),
        .target(name: "SyncKit", dependencies: ["GitKit", "NoteKit", "MergeKit", "HistoryKit", "VaultKit"], swiftSettings: swiftSettings),
        .target(name: "JournalKit", dependencies: ["NoteKit"], swiftSettings: swiftSettings),
        .target(
            name: "VaultKit",
            dependencies: [.product(name: "Crypto", package: "swift-crypto"), .product(name: "CryptoExtras", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "hearth",
            dependencies: [
                "GitKit", "NoteKit", "MergeKit", "HistoryKit", "SyncKit", "JournalKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The Swift runtime and Foundation linked in (as `--static-swift-stdlib` does) for the
            // release build on Linux: resolving their symbols at every start was half of the 15 ms
            // CPU `hearth --version` took (README, "Ten years of history"). Compiled with the flag
            // too, so the module asks the linker for the static libraries Foundation needs. The
            // 92,000 relative relocations of the runtime's and Foundation's metadata are packed
            // (DT_RELR: 18 KB instead of the 2.2 MB table the dynamic loader read at every start;
            // 30 page faults and 2-3% of `hearth --version` fewer; README, "The floor").
            swiftSettings: swiftSettings + [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld"]
                                          + (cLibraryLoadsPackedRelocations ? ["-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"] : []),
                                          .when(platforms: [.linux], configuration: .release))]
        ),
        // The program the DocC article "Using Hearth's libraries in your own app" quotes: public API
        // only, built and run by `make test` (ExampleProgramTests) so the article cannot rot.
        .executableTarget(
            name: "NotebookTour",
            dependencies: ["NoteKit", "MergeKit", "SyncKit"],
            path: "Examples/NotebookTour",
            swiftSettings: swiftSettings
        ),
        // Helpers several test targets share (running the git CLI in isolation).
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "NoteKitTests", dependencies: ["NoteKit", "Yams", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "MergeKitTests", dependencies: ["MergeKit", "NoteKit", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "HistoryKitTests", dependencies: ["HistoryKit", "GitKit", "NoteKit", "MergeKit", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "SyncKitTests", dependencies: ["SyncKit", "MergeKit", "GitKit", "NoteKit", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "JournalKitTests", dependencies: ["JournalKit", "NoteKit"], swiftSettings: swiftSettings),
        .testTarget(name: "VaultKitTests", dependencies: ["VaultKit"], swiftSettings: swiftSettings),
        // Fuzzing (`make fuzz`): each target's checks, run by the libFuzzer driver and, over the
        // committed seeds and regressions, by FuzzTests.
        .target(name: "FuzzChecks", dependencies: ["NoteKit", "MergeKit", "GitKit", "JournalKit"], path: "Tests/FuzzChecks", swiftSettings: swiftSettings),
        .executableTarget(name: "hearth-fuzz", dependencies: ["FuzzChecks"], path: "Tests/FuzzDriver", swiftSettings: swiftSettings),
        .testTarget(name: "FuzzTests", dependencies: ["FuzzChecks"], swiftSettings: swiftSettings),
        .testTarget(name: "HearthTests", dependencies: ["hearth", "NotebookTour", "TestSupport"], swiftSettings: swiftSettings),
    ]
)
