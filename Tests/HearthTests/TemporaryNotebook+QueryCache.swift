import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Running the commands that use the query cache with its trace on, and the edits behind
/// hearth's back that the cache must see.
extension TemporaryNotebook {
    /// The cache file: inside `.git`, so never synced, and always safe to delete.
    var queryCache: URL { root.appendingPathComponent(".git/hearth/frontmatter.cache") }

    /// The folder that holds it.
    var queryCacheFolder: URL { queryCache.deletingLastPathComponent() }

    /// Runs `hearth ARGUMENTS` with `HEARTH_QUERY_CACHE_TRACE=1` and returns its trace line.
    /// With `withoutOverride`, a root test process drops the capabilities that let root read and
    /// write past file permissions, so a mode of 000 or 555 means to hearth what it means to anyone.
    func traced(_ arguments: [String], in directory: URL? = nil, withoutOverride: Bool = false,
                sourceLocation: SourceLocation = #_sourceLocation) throws -> (ProcessResult, QueryCacheTrace) {
        let extra = ["HEARTH_QUERY_CACHE_TRACE": "1"]
        let result = try hearth(arguments, in: directory, environment: extra, withoutOverride: withoutOverride, sourceLocation: sourceLocation)
        return (result, try QueryCacheTrace(result))
    }

    /// Runs `hearth ARGUMENTS`; with `withoutOverride`, a root test process drops the
    /// capabilities that let root read and write past file permissions first.
    func hearth(_ arguments: [String], in directory: URL? = nil, environment extra: [String: String], withoutOverride: Bool,
                sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessResult {
        guard withoutOverride, geteuid() == 0 else { return try hearth(arguments, in: directory, environment: extra) }
        let binary = try #require(HearthBinary.url, sourceLocation: sourceLocation)
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        guard FileManager.default.isExecutableFile(atPath: setpriv.path) else {
            throw SetupFailure(message: "/usr/bin/setpriv (util-linux) is missing: a root test needs it to drop CAP_DAC_OVERRIDE")
        }
        return try ProcessRunner.run(setpriv, ["--bounding-set=-dac_override,-dac_read_search,-fowner", "--", binary.path] + arguments,
                                     in: directory ?? root, environment: environment(extra))
    }

    /// Waits until the clock has left the second in which the last file was written, so those
    /// files are settled (older than any cache written from now on) under git's racy-timestamp
    /// rule, whatever the precision of the cache's stamps. At most one second.
    func settle() {
        let now = Date().timeIntervalSince1970
        Thread.sleep(forTimeInterval: now.rounded(.down) + 1.02 - now)
    }

    /// Settles the notebook, runs `arguments` once to write the cache and once more to read it,
    /// and requires the second run to take every entry from the cache: the cache exists and is
    /// trusted, so what a later run re-reads shows what the cache saw change. Returns the first
    /// result and the trace of the second. `settling` false skips the wait, for a caller that
    /// has written no entry since it last settled.
    @discardableResult
    func warmQueryCache(_ arguments: [String], settling: Bool = true,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> (ProcessResult, QueryCacheTrace) {
        if settling { settle() }
        let (first, _) = try traced(arguments, sourceLocation: sourceLocation)
        try #require(FileManager.default.fileExists(atPath: queryCache.path), "no cache after \(arguments): \(first)",
                     sourceLocation: sourceLocation)
        let (second, trace) = try traced(arguments, sourceLocation: sourceLocation)
        try #require(trace.entries > 0 && trace.hits == trace.entries, "the warm run read files: \(trace)\n\(second)",
                     sourceLocation: sourceLocation)
        try #require(second.stdout == first.stdout && second.status == first.status, "warm and cold differ:\n\(first)\n\(second)",
                     sourceLocation: sourceLocation)
        return (first, trace)
    }

    /// Commits everything with the git CLI, as another client would.
    func commitAll(_ message: String) throws {
        try git("add", "-A").requireSuccess()
        try git("commit", "-q", "-m", message).requireSuccess()
    }

    /// The `stat` of a notebook-relative path (not following a link).
    func fileStatus(_ relativePath: String) throws -> stat {
        var info = Glibc.stat()
        guard lstat(url(relativePath).path, &info) == 0 else {
            throw SetupFailure(message: "stat \(relativePath): \(String(cString: strerror(errno)))")
        }
        return info
    }

    /// Writes `text` to `relativePath` and sets its access and modification times back to
    /// `times` (nanoseconds), so size and mtime can equal what a cache recorded before.
    /// `inPlace` truncates and rewrites the same inode, as `>` in a shell does; otherwise a new
    /// file is renamed over the old one, as most editors save.
    func overwrite(_ relativePath: String, with text: String, inPlace: Bool, keeping times: stat) throws {
        let target = url(relativePath).path
        let bytes = Array(text.utf8)
        let path = inPlace ? target : target + ".new"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw SetupFailure(message: "open \(path): \(String(cString: strerror(errno)))") }
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count else { throw SetupFailure(message: "short write to \(path)") }
        if !inPlace, rename(path, target) != 0 { throw SetupFailure(message: "rename \(path): \(String(cString: strerror(errno)))") }
        var stamps = [times.st_atim, times.st_mtim]
        guard utimensat(AT_FDCWD, target, &stamps, 0) == 0 else {
            throw SetupFailure(message: "utimensat \(target): \(String(cString: strerror(errno)))")
        }
    }

    /// Runs a program from PATH (`sed`, `touch`) in the notebook root.
    @discardableResult
    func run(_ program: String, _ arguments: String...) throws -> ProcessResult {
        try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), [program] + arguments, in: root, environment: environment())
    }
}
