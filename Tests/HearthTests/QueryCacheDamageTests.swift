import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 13, "Query cache": a damaged cache is never trusted. Whatever is found where the cache
/// should be, every command gives the right answer and exits 0, counts every entry as a miss,
/// and (where the folder allows it) writes a good cache again.
@Suite struct QueryCacheDamageTests {
    /// What is done to the cache file of a warm notebook.
    enum Damage: String, CaseIterable, CustomTestStringConvertible {
        case truncatedToHalf, lastByteCut, oneByteFlipped, randomBytes, empty, otherVersion, folder, unreadable, unreadableFolder

        var testDescription: String { rawValue }

        /// Whether hearth can write a new cache afterwards (the path is a file in a folder it may write).
        var canBeRewritten: Bool { self != .folder && self != .unreadableFolder }

        /// Whether hearth must run without root's power to read past permissions to feel it.
        var needsPermissions: Bool { self == .unreadable || self == .unreadableFolder }

        func apply(to notebook: TemporaryNotebook) throws {
            let cache = notebook.queryCache
            let bytes = [UInt8](try Data(contentsOf: cache))
            try #require(bytes.count > 16, "a cache of \(bytes.count) bytes")
            switch self {
            case .truncatedToHalf: try Data(bytes.prefix(bytes.count / 2)).write(to: cache)
            case .lastByteCut: try Data(bytes.dropLast()).write(to: cache)
            case .oneByteFlipped:
                var flipped = bytes
                flipped[bytes.count / 2] ^= 0x01
                try Data(flipped).write(to: cache)
            case .randomBytes:
                // A fixed sequence (a linear congruential generator), so a failure repeats.
                var state: UInt64 = 0x9E37_79B9_7F4A_7C15
                let noise = bytes.indices.map { _ -> UInt8 in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return UInt8(truncatingIfNeeded: state >> 33)
                }
                try Data(noise).write(to: cache)
            case .empty: try Data().write(to: cache)
            case .otherVersion:
                // No other hearth is at hand: the cache names the version that wrote it, and
                // another version of the same length takes its place.
                let version = Array(try notebook.hearth("--version").requireSuccess().stdout
                    .trimmingCharacters(in: .whitespacesAndNewlines).utf8)
                let start = try #require(bytes.indices.first { bytes[$0...].starts(with: version) },
                                         "the cache does not hold the version text '\(String(decoding: version, as: UTF8.self))'")
                var other = bytes
                let last = start + version.count - 1
                other[last] = other[last] == UInt8(ascii: "9") ? UInt8(ascii: "8") : other[last] &+ 1
                try Data(other).write(to: cache)
            case .folder:
                try FileManager.default.removeItem(at: cache)
                try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: false)
                try Data("not hearth's\n".utf8).write(to: cache.appendingPathComponent("inside"))
            case .unreadable: try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: cache.path)
            case .unreadableFolder:
                try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: notebook.queryCacheFolder.path)
            }
        }
    }

    /// Gives the folder and the file back their usual modes, so the notebook can be removed.
    static func restorePermissions(_ notebook: TemporaryNotebook) {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: notebook.queryCacheFolder.path)
        try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: notebook.queryCache.path)
    }

    @Test(arguments: Damage.allCases)
    func aDamagedCacheIsIgnoredAndRewritten(damage: Damage) throws {
        let notebook = try QueryCacheTests.notebook()
        defer { Self.restorePermissions(notebook) }
        // grep last: each command's answer is taken, with no cache at all, just before its turn.
        let commands = [["list", "--json"], ["check"], ["export"], ["review", "--json"], ["grep", "--field", "energy", "^1$"]]
        // No entry is written after this: one wait makes them all older than any cache.
        notebook.settle()
        for command in commands {
            Self.restorePermissions(notebook)
            try? FileManager.default.removeItem(at: notebook.queryCache)
            let (answer, cold) = try notebook.traced(command)
            #expect(answer.status == 0 && cold.hits == 0, "\(cold)\n\(answer)")
            let (_, warm) = try notebook.warmQueryCache(command, settling: false)
            try damage.apply(to: notebook)

            let (result, trace) = try notebook.traced(command, withoutOverride: damage.needsPermissions)
            #expect(result.status == 0, "\(command): \(result)")
            #expect(result.stdout == answer.stdout, "\(command): \(result)")
            #expect(QueryCacheTrace.stderrWithoutTrace(result) == QueryCacheTrace.stderrWithoutTrace(answer), "\(command): \(result)")
            #expect(trace.entries == warm.entries && trace.hits == 0, "\(command) trusted a damaged cache: \(trace)")

            let (again, next) = try notebook.traced(command, withoutOverride: damage.needsPermissions)
            #expect(again.status == 0 && again.stdout == answer.stdout, "\(command): \(again)")
            if damage.canBeRewritten {
                #expect(next.hits == next.entries, "\(command) did not write a good cache again: \(next)")
            }
        }
    }

    /// Only the cache cannot be written: the command answers from the files, says nothing about
    /// it, and the stale cache it cannot replace still never hides an edit.
    @Test func aReadOnlyCacheFolderDoesNotFailTheCommand() throws {
        let notebook = try QueryCacheTests.notebook()
        defer { Self.restorePermissions(notebook) }
        let query = QueryCacheTests.lowEnergy
        let (_, warm) = try notebook.warmQueryCache(query)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: notebook.queryCacheFolder.path)
        try notebook.run("sed", "-i", "s/^energy: 3$/energy: 1/", QueryCacheTests.edited).requireSuccess()
        for _ in 1...2 {
            let (result, trace) = try notebook.traced(query, withoutOverride: true)
            #expect(result.status == 0, "\(result)")
            #expect(QueryCacheTests.paths(result) == ["days/2026/2026-11-17.md", QueryCacheTests.edited], "\(result)")
            #expect(QueryCacheTrace.stderrWithoutTrace(result).isEmpty, "\(result)")
            #expect(trace.entries == warm.entries && trace.misses >= 1, "\(trace)")
        }
        let (check, _) = try notebook.traced(["check"], withoutOverride: true)
        #expect(check.status == 0 && check.stderrLines.contains { $0.hasPrefix("checked ") && $0.hasSuffix(": 0 errors, 0 warnings") },
                "\(check)")
    }

    /// The cache is hearth's own: deleting it, or all of `.git/hearth`, is always safe.
    @Test func deletingTheCacheFolderIsSafe() throws {
        let notebook = try QueryCacheTests.notebook()
        let (before, warm) = try notebook.warmQueryCache(QueryCacheTests.lowEnergy)
        try FileManager.default.removeItem(at: notebook.queryCacheFolder)
        let (result, trace) = try notebook.traced(QueryCacheTests.lowEnergy)
        #expect(result.status == 0 && result.stdout == before.stdout, "\(result)")
        #expect(trace.entries == warm.entries && trace.hits == 0, "\(trace)")
        #expect(FileManager.default.fileExists(atPath: notebook.queryCache.path), "the cache was not written again")
    }
}
