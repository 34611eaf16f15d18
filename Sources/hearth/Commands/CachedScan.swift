import Foundation
import NoteKit

/// How `list`, `check`, `review`, `export` and `grep --field` scan the notebook: through the
/// query cache in `.git/hearth/frontmatter.cache` (inside `.git`, so never synced, and always
/// safe to delete) when the notebook has a `.git` folder, else uncached (every entry a miss).
///
/// With `HEARTH_QUERY_CACHE_TRACE=1` each scan prints one line to stderr,
/// `query-cache: entries=N hits=H misses=M`, for tests and for anyone wondering whether the
/// cache works; without it, nothing.
enum CachedScan {
    /// The variable that turns the trace line on.
    static let traceVariable = "HEARTH_QUERY_CACHE_TRACE"

    /// The cache of `notebook`, nil when it has no `.git` folder.
    static func cache(of notebook: Notebook) -> FrontMatterCache? {
        let git = notebook.root.appendingPathComponent(".git", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: git.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return FrontMatterCache(folder: git.appendingPathComponent("hearth", isDirectory: true),
                                version: Hearth.configuration.version)
    }

    /// Every entry matching `query`; with `bodies` false, entries the cache holds come without
    /// their bodies but with their body tags (for commands that show front-matter and tags only),
    /// and with `rowKeys`, holding only those keys besides the query's and the fields `--json`
    /// prints (see ``Notebook/scan(_:cache:bodies:rowKeys:)``).
    static func scan(_ notebook: Notebook, _ query: Query = Query(), bodies: Bool = true, rowKeys: [String]? = nil) -> NotebookScan {
        guard let cache = cache(of: notebook) else {
            let paths = notebook.entryPaths()
            trace(FrontMatterCacheStatistics(entries: paths.count, hits: 0, misses: paths.count))
            return notebook.scan(query, paths: paths)
        }
        let scan = notebook.scan(query, cache: cache, bodies: bodies, rowKeys: rowKeys)
        if let statistics = scan.cacheStatistics { trace(statistics) }
        return scan
    }

    /// `hearth grep` without `--history`: a search of one front-matter field goes through the
    /// cache, a search of bodies reads every file anyway.
    static func grep(_ notebook: Notebook, _ query: GrepQuery) -> GrepScan {
        guard query.field != nil else { return notebook.grep(query) }
        guard let cache = cache(of: notebook) else {
            let paths = notebook.entryPaths()
            trace(FrontMatterCacheStatistics(entries: paths.count, hits: 0, misses: paths.count))
            return notebook.grep(query, paths: paths)
        }
        let scan = notebook.grep(query, cache: cache)
        if let statistics = scan.cacheStatistics { trace(statistics) }
        return scan
    }

    /// The trace line, when asked for.
    static func trace(_ statistics: FrontMatterCacheStatistics) {
        guard ProcessInfo.processInfo.environment[traceVariable] == "1" else { return }
        Diagnostics.status("query-cache: entries=\(statistics.entries) hits=\(statistics.hits) misses=\(statistics.misses)")
    }
}
