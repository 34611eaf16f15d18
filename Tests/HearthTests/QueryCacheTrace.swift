import Foundation
import TestSupport

/// The one line `HEARTH_QUERY_CACHE_TRACE=1` makes a cached command write to stderr,
/// `query-cache: entries=N hits=H misses=M`: how many entries the command considered, how many
/// it took from the cache, and how many it read from disk and parsed.
struct QueryCacheTrace: Equatable, CustomStringConvertible {
    var entries: Int
    var hits: Int
    var misses: Int

    static let prefix = "query-cache: "

    var description: String { "entries=\(entries) hits=\(hits) misses=\(misses)" }

    /// The trace of `result`; fails the set-up unless stderr holds exactly one well-formed line.
    init(_ result: ProcessResult) throws {
        let lines = result.stderrLines.filter { $0.hasPrefix(Self.prefix) }
        guard lines.count == 1, let line = lines.first else {
            throw SetupFailure(message: "expected one '\(Self.prefix)' line on stderr, found \(lines.count):\n\(result)")
        }
        var fields: [String: Int] = [:]
        for pair in line.dropFirst(Self.prefix.count).split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let value = Int(parts[1]) { fields[String(parts[0])] = value }
        }
        guard let entries = fields["entries"], let hits = fields["hits"], let misses = fields["misses"],
              fields.count == 3, hits + misses == entries else {
            throw SetupFailure(message: "malformed trace line '\(line)'")
        }
        self.entries = entries
        self.hits = hits
        self.misses = misses
    }

    /// stderr without the trace line: what the user sees without the variable.
    static func stderrWithoutTrace(_ result: ProcessResult) -> [String] {
        result.stderrLines.filter { !$0.hasPrefix(prefix) }
    }
}
