import Dispatch
import Foundation
import Testing
@testable import NoteKit

/// The query cache is never wrong: each way it could be (a changed file, a file changed in the
/// same clock tick, another version's cache, a damaged one, writers racing, a folder it cannot
/// write) is shown to fall back to reading the files.
@Suite struct FrontMatterCacheTests {
    /// A notebook with a `.git/hearth` cache folder, as the hearth program gives it.
    final class CachedNotebook {
        let files = try! TemporaryNotebook()
        var cache: FrontMatterCache

        init(version: String = "test") throws {
            try FileManager.default.createDirectory(at: files.root.appendingPathComponent(".git"), withIntermediateDirectories: true)
            cache = FrontMatterCache(folder: files.root.appendingPathComponent(".git/hearth"), version: version)
        }

        /// Each entry's `energy` as the scan read it, and the cache's counts.
        func energies(bodies: Bool = false) -> (values: [String: String], statistics: FrontMatterCacheStatistics) {
            let scan = files.notebook.scan(cache: cache, bodies: bodies)
            #expect(scan.diagnostics.isEmpty)
            var values: [String: String] = [:]
            for note in scan.notes { values[note.path] = note["energy"]?.scalar?.text ?? "-" }
            return (values, scan.cacheStatistics!)
        }

        func absolute(_ relative: String) -> String { files.root.path + "/" + relative }

        /// Waits until the file system's clock has moved past every entry's times, so the next
        /// scan records them as settled (not racily clean). Nothing is timed: it watches a probe
        /// file's modification time.
        func settle() throws {
            let newest = files.notebook.entryPaths().compactMap { FileStamp.of(absolute($0)) }.map { max($0.mtime, $0.ctime) }.max() ?? 0
            let probe = files.root.path + "/.git/probe"
            for _ in 0..<10_000 {
                try Data("tick".utf8).write(to: URL(fileURLWithPath: probe))
                if let stamp = FileStamp.of(probe), stamp.mtime > newest { return }
                usleep(1000)
            }
            Issue.record("the file system's clock never passed \(newest)")
        }

        /// Writes the cache file's bytes directly.
        func writeCache(_ bytes: [UInt8]) throws {
            try FileManager.default.createDirectory(at: cache.folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: cache.path))
        }

        func cacheBytes() throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: cache.path))) }
    }

    /// Three day entries, scanned once and settled: the next scan takes them all from the cache.
    private func warmNotebook(version: String = "test") throws -> CachedNotebook {
        let notebook = try CachedNotebook(version: version)
        for day in 20...22 { try notebook.files.write("days/2026/2026-11-\(day).md", "---\nkind: day\nenergy: \(day - 19)\n---\nbody \(day)\n") }
        try notebook.settle()
        let cold = notebook.energies()
        #expect(cold.statistics == FrontMatterCacheStatistics(entries: 3, hits: 0, misses: 3))
        return notebook
    }

    private let everyEnergy = ["days/2026/2026-11-20.md": "1", "days/2026/2026-11-21.md": "2", "days/2026/2026-11-22.md": "3"]

    @Test func aWarmScanTakesEveryEntryFromTheCacheAndFindsTheSameNotes() throws {
        let notebook = try warmNotebook()
        let warm = notebook.energies()
        #expect(warm.statistics == FrontMatterCacheStatistics(entries: 3, hits: 3, misses: 0))
        #expect(warm.values == everyEnergy)
        let uncached = notebook.files.notebook.scan()
        #expect(notebook.files.notebook.scan(cache: notebook.cache, bodies: true).notes == uncached.notes)
    }

    @Test func aFileWhoseStatChangedIsReadAgain() throws {
        let notebook = try warmNotebook()
        try notebook.files.write("days/2026/2026-11-21.md", "---\nkind: day\nenergy: 42\n---\nbody 21\n")
        let scan = notebook.energies()
        #expect(scan.values["days/2026/2026-11-21.md"] == "42")
        #expect(scan.statistics == FrontMatterCacheStatistics(entries: 3, hits: 2, misses: 1))
        // A new file and a removed one: the cache follows the folder.
        try FileManager.default.removeItem(atPath: notebook.absolute("days/2026/2026-11-20.md"))
        try notebook.files.write("days/2026/2026-11-23.md", "---\nkind: day\nenergy: 4\n---\n")
        let next = notebook.energies()
        #expect(next.values == ["days/2026/2026-11-21.md": "42", "days/2026/2026-11-22.md": "3", "days/2026/2026-11-23.md": "4"])
    }

    /// An edit of the same size, with the modification time set back: whatever the clock's
    /// tick, the scan sees the new value.
    @Test func aSameSizeEditWithItsTimeSetBackIsSeen() throws {
        let notebook = try CachedNotebook()
        let path = try notebook.files.write("days/2026/2026-11-22.md", "---\nenergy: 1\n---\n")
        let before = try #require(FileStamp.of(path))
        #expect(notebook.energies().values == ["days/2026/2026-11-22.md": "1"])
        try notebook.files.write("days/2026/2026-11-22.md", "---\nenergy: 5\n---\n")
        try Self.setModificationTime(path, to: before.mtime)
        #expect(FileStamp.of(path)?.mtime == before.mtime && FileStamp.of(path)?.size == before.size)
        #expect(notebook.energies().values == ["days/2026/2026-11-22.md": "5"])
        #expect(notebook.energies(bodies: true).values == ["days/2026/2026-11-22.md": "5"])
    }

    /// git's racy rule, shown on a cache whose recorded stamp is exactly the file's stamp but
    /// whose front-matter is an older version's, as when a file is saved again within the clock
    /// tick of the scan that recorded it: recorded in that tick, it is read again; only a stamp
    /// older than the scan's start is trusted (and then the cache is believed, which is why the
    /// rule is needed).
    @Test func aFileChangedInTheTickOfTheScanThatRecordedItIsReadAgain() throws {
        let notebook = try CachedNotebook()
        let relative = "days/2026/2026-11-22.md"
        let path = try notebook.files.write(relative, "---\nenergy: 5\n---\n")
        let stamp = try #require(FileStamp.of(path))
        let older = try Note(parsing: "---\nenergy: 1\n---\n", path: relative)
        func cache(startedAt: Int64) throws {
            let record = FrontMatterCacheRecord(stamp: stamp, content: .encoded(FrontMatterCodec.encode(older)))
            try notebook.writeCache(FrontMatterCacheFile.serialize([(relative, record)], previous: nil, startedAt: startedAt, version: "test"))
        }
        try cache(startedAt: stamp.mtime)
        let racy = notebook.energies()
        #expect(racy.values == [relative: "5"])
        #expect(racy.statistics.misses == 1)
        try cache(startedAt: max(stamp.mtime, stamp.ctime) + 1)
        #expect(notebook.energies().values == [relative: "1"], "a settled stamp is trusted without reading the file")
        // Reading the body compares the bytes, so even that cache cannot mislead it.
        #expect(notebook.energies(bodies: true).values == [relative: "5"])
    }

    @Test func aCacheFromAnotherVersionIsIgnoredAndRewritten() throws {
        let notebook = try warmNotebook(version: "1.0")
        notebook.cache = FrontMatterCache(folder: notebook.cache.folder, version: "1.1")
        let other = notebook.energies()
        #expect(other.statistics.misses == 3)
        #expect(other.values == everyEnergy)
        #expect(notebook.energies().statistics.hits == 3)
    }

    @Test func aTruncatedCacheIsIgnoredAndRewritten() throws {
        let notebook = try warmNotebook()
        let bytes = try notebook.cacheBytes()
        for length in [0, 7, bytes.count / 2, bytes.count - 1] {
            try notebook.writeCache(Array(bytes.prefix(length)))
            let scan = notebook.energies()
            #expect(scan.statistics.misses == 3, "cut at \(length) of \(bytes.count)")
            #expect(scan.values == everyEnergy)
            #expect(try notebook.cacheBytes().count == bytes.count, "rewritten whole")
        }
    }

    @Test func randomBytesAreIgnored() throws {
        let notebook = try warmNotebook()
        var random = SplitMix64(seed: 13)
        for length in [16, 300, 5000] {
            try notebook.writeCache((0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) })
            let scan = notebook.energies()
            #expect(scan.statistics.misses == 3)
            #expect(scan.values == everyEnergy)
        }
        // Random bytes after a valid header are no better.
        let header = Array(try notebook.cacheBytes().prefix(40))
        try notebook.writeCache(header + (0..<500).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        #expect(notebook.energies().statistics.misses == 3)
    }

    /// One changed byte, where a value lies, is caught by the checksum: without it, the scan
    /// would list a value no file holds.
    @Test func aChecksumMismatchIsIgnored() throws {
        let notebook = try warmNotebook()
        var bytes = try notebook.cacheBytes()
        // The encoded value "2" of the second entry (its head also holds "energy: 2").
        let value = Array("\u{0}\u{1}\u{0}\u{0}\u{0}2".utf8)
        let at = try #require((0...(bytes.count - value.count)).first { Array(bytes[$0..<($0 + value.count)]) == value })
        bytes[at + value.count - 1] = UInt8(ascii: "9")
        try notebook.writeCache(bytes)
        let scan = notebook.energies()
        #expect(scan.statistics.misses == 3)
        #expect(scan.values == everyEnergy)
    }

    @Test func concurrentWritersLeaveOneWholeCache() throws {
        let notebook = try CachedNotebook()
        for day in 1...28 { try notebook.files.write("days/2026/2026-02-\(String(format: "%02d", day)).md", "---\nenergy: \(day)\n---\n") }
        try notebook.settle()
        let notes = notebook.files.notebook
        let cache = notebook.cache
        let counts = ParallelMap.map(Array(0..<16), width: 16) { _ in notes.scan(cache: cache, bodies: false).notes.count }
        #expect(counts == Array(repeating: 28, count: 16))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cache.folder.path)
        #expect(leftovers.sorted() == [EntryListing.fileName, FrontMatterCache.fileName], "temporary files are renamed or removed")
        // What a killed writer left is removed once it is old, and only then.
        let abandoned = cache.folder.path + "/" + FrontMatterCache.fileName + ".tmp-1-1"
        let recent = cache.folder.path + "/" + FrontMatterCache.fileName + ".tmp-2-2"
        try Data("partial".utf8).write(to: URL(fileURLWithPath: abandoned))
        try Data("partial".utf8).write(to: URL(fileURLWithPath: recent))
        try Self.setModificationTime(abandoned, to: (Int64(Date().timeIntervalSince1970) - 7200) * 1_000_000_000)
        _ = notes.scan(cache: cache, bodies: false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder.path).sorted()
                == [EntryListing.fileName, FrontMatterCache.fileName, FrontMatterCache.fileName + ".tmp-2-2"])
        #expect(FrontMatterCacheFile.load(cache.path, version: "test")?.entries.count == 28)
        #expect(notebook.energies().statistics.hits == 28)
    }

    @Test func aCacheThatCannotBeWrittenNeverFailsTheScan() throws {
        let notebook = try warmNotebook()
        // The folder cannot be made: `.git` is a file here (as in a linked worktree).
        let broken = try CachedNotebook()
        try FileManager.default.removeItem(at: broken.files.root.appendingPathComponent(".git"))
        try broken.files.write(".git", "gitdir: elsewhere\n")
        try broken.files.write("days/2026/2026-11-22.md", "---\nenergy: 3\n---\n")
        for _ in 0..<2 {
            let scan = broken.energies()
            #expect(scan.values == ["days/2026/2026-11-22.md": "3"])
            #expect(scan.statistics.misses == 1)
        }
        // A read-only cache folder: the cache already there is still used, and nothing fails.
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: notebook.cache.folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: notebook.cache.folder.path) }
        try notebook.files.write("days/2026/2026-11-22.md", "---\nkind: day\nenergy: 33\n---\nbody 22\n")
        let scan = notebook.energies()
        #expect(scan.values["days/2026/2026-11-22.md"] == "33")
        #expect(scan.statistics.hits == 2)
    }

    /// A hit rebuilds the note exactly: byte order mark, CRLF lines, nested values, block
    /// scalars, comments, a closing fence at the end of the file, and entries without front-matter.
    @Test func cachedNotesAreTheNotesParsedFromTheFiles() throws {
        let notebook = try CachedNotebook()
        try notebook.files.write("a.md", "\u{FEFF}---\r\ntitle: \"A \\\"quoted\\\" title\"\r\ntags:\r\n  - one\r\n  - 'two'\r\n---\r\nbody\r\n")
        try notebook.files.write("b.md", "---\nmeta:\n  nested: {x: 1, y: [a, b]}\nnote: |\n  line one\n  line two\n# comment\nempty:\n...\n")
        try notebook.files.write("c.md", "no front-matter\n")
        try notebook.files.write("d.md", "---\nenergy: 2\n---")
        try notebook.files.write("e.md", "\u{FEFF}plain with a byte order mark\n")
        try notebook.settle()
        let uncached = notebook.files.notebook.scan().notes
        _ = notebook.energies()
        let listed = notebook.files.notebook.scan(cache: notebook.cache, bodies: false)
        #expect(listed.cacheStatistics?.hits == 5)
        #expect(listed.notes.map(\.frontMatter) == uncached.map(\.frontMatter))
        let read = notebook.files.notebook.scan(cache: notebook.cache, bodies: true)
        #expect(read.cacheStatistics?.hits == 5)
        #expect(read.notes == uncached)
        #expect(read.notes.map(\.text) == uncached.map(\.text))
    }

    /// Where the body is read, the body is the file's and the cached front-matter is used only
    /// while the file still starts with the bytes it was parsed from.
    /// A listed entry's `list --json` fields are the text recorded when it was parsed: the same
    /// as rendered from the parsed note, or rendered again when a key is one a row writes itself.
    /// When this sample's text changes on purpose (JSON's rules for values changed), raise
    /// `FrontMatterCacheFile.formatVersion`: caches keep the old rules' rows until entries change.
    @Test func recordedRowFieldsAreTheRenderedOnes() throws {
        let text = "---\nenergy: 1\nsleep_h: 7.50\nbig: 123456789012345678901234567890\nsick: true\nmood:\n"
            + "title: \"say \\\"hi\\\"\\n\"\ntags: [a, b]\nmeals:\n  lunch: soup\n---\nbody #t\n"
        let parsed = try Note(parsing: text, path: "days/2026/2026-11-22.md")
        let encoded = FrontMatterCodec.encode(parsed)
        let listed = try #require(encoded.withUnsafeBytes { FrontMatterCodec.decode($0, 0..<$0.count, path: parsed.path, body: nil) })
        #expect(listed.jsonFields(bodyTags: false) == parsed.jsonFields(bodyTags: false))
        #expect(listed.jsonFields(bodyTags: false)
                == #""energy":1,"sleep_h":7.5,"big":123456789012345678901234567890,"sick":true,"mood":null,"title":"say \"hi\"\n","tags":["a","b"],"meals":{"lunch":"soup"}"#)
        let named = try Note(parsing: "---\npath: x\nbody_tags: y\nenergy: 2\n---\n", path: "notes/n.md")
        let listedNamed = try #require(FrontMatterCodec.encode(named).withUnsafeBytes { FrontMatterCodec.decode($0, 0..<$0.count, path: named.path, body: nil) })
        #expect(listedNamed.jsonFields(bodyTags: true) == #""energy":2"#)
        #expect(listedNamed.jsonFields(bodyTags: false) == #""body_tags":"y","energy":2"#)
    }

    @Test func readingBodiesComparesTheFrontMatterBytes() throws {
        let notebook = try warmNotebook()
        try notebook.files.write("days/2026/2026-11-20.md", "---\nkind: day\nenergy: 1\n---\na new body\n")
        try notebook.files.write("days/2026/2026-11-21.md", "---\nkind: day\nenergy: 7\n---\nbody 21\n")
        // The closing fence now ends the file, then text follows it on the same line.
        try notebook.files.write("days/2026/2026-11-22.md", "---\nkind: day\nenergy: 3\n---x\n")
        let scan = notebook.files.notebook.scan(cache: notebook.cache, bodies: true)
        #expect(scan.notes.first { $0.path.hasSuffix("20.md") }?.body == "a new body\n")
        #expect(scan.notes.first { $0.path.hasSuffix("21.md") }?["energy"]?.int == 7)
        #expect(scan.diagnostics.map(\.path) == ["days/2026/2026-11-22.md"], "front-matter that never closes is an error, cached or not")
        #expect(scan.cacheStatistics == FrontMatterCacheStatistics(entries: 3, hits: 1, misses: 2))
    }

    /// `grep --field` takes the field from the cache, with the same hits (line numbers of block
    /// list items included), and sees an edit.
    @Test func aFieldSearchFindsWhatAnUncachedOneFinds() throws {
        let notebook = try CachedNotebook()
        try notebook.files.write("days/2026/2026-11-20.md", "---\nkind: day\ntags:\n  - travel\n  - gpu travel\n---\ntravel\n")
        try notebook.files.write("days/2026/2026-11-21.md", "---\nkind: day\ntags: [home]\n---\n")
        try notebook.files.write("notes/a.md", "---\ntags: travel\n---\n")
        try notebook.files.write("notes/b.md", "no front-matter, travel\n")
        try notebook.files.write("notes/broken.md", "---\ntags: [travel\n---\n")
        try notebook.settle()
        let query = GrepQuery(matcher: try GrepMatcher(pattern: "travel"), kinds: [.day, .note], field: "tags")
        let uncached = notebook.files.notebook.grep(query)
        #expect(uncached.hits.map { "\($0.path):\($0.line)" } == ["days/2026/2026-11-20.md:4", "days/2026/2026-11-20.md:5", "notes/a.md:2"])
        let cold = notebook.files.notebook.grep(query, cache: notebook.cache)
        let warm = notebook.files.notebook.grep(query, cache: notebook.cache)
        for scan in [cold, warm] {
            #expect(scan.hits == uncached.hits)
            #expect(scan.diagnostics == uncached.diagnostics)
        }
        #expect(cold.cacheStatistics == FrontMatterCacheStatistics(entries: 5, hits: 0, misses: 5))
        #expect(warm.cacheStatistics == FrontMatterCacheStatistics(entries: 5, hits: 4, misses: 1), "the broken entry is read each time")
        try notebook.files.write("notes/a.md", "---\ntags: work\n---\n")
        #expect(notebook.files.notebook.grep(query, cache: notebook.cache).hits.map(\.path) == ["days/2026/2026-11-20.md", "days/2026/2026-11-20.md"])
    }

    /// Sets a file's access and modification times (nanoseconds).
    static func setModificationTime(_ path: String, to nanoseconds: Int64) throws {
        let time = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var times = [time, time]
        guard utimensat(AT_FDCWD, path, &times, 0) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
