import Foundation

extension Notebook {
    /// ``grep(_:paths:)`` of every entry for a query that searches one front-matter field
    /// (``GrepQuery/field``), taking the front-matter from `cache` where it still holds (see
    /// ``FrontMatterCache``), and updating the cache. A search of bodies reads every file
    /// whatever the cache holds, so it runs uncached.
    public func grep(_ query: GrepQuery, cache: FrontMatterCache) -> GrepScan {
        guard let field = query.field else { return grep(query) }
        let pass = FrontMatterCachePass(self, cache: cache)
        let keys = EntryKeySet([field, "kind", "date"])
        let outcomes: [(result: GrepFileResult, record: FrontMatterCacheRecord?, hit: Bool)] = ParallelMap.chunked(pass.paths.count) { range in
            let stats = DirectoryStats(root: root.path)
            return range.map { index in outcome(index, pass: pass, stats: stats, query: query, field: field, keys: keys) }
        }.flatMap { $0 }
        var scan = GrepScan()
        for (path, outcome) in zip(pass.paths, outcomes) { scan.add(outcome.result, path: path) }
        scan.cacheStatistics = pass.finish(records: outcomes.map(\.record), hits: outcomes.count { $0.hit })
        return scan
    }

    /// What `pass.paths[index]` gives a field search: from the cache without reading the file
    /// when its stamp holds, else read and searched.
    private func outcome(_ index: Int, pass: FrontMatterCachePass, stats: DirectoryStats, query: GrepQuery, field: String,
                         keys: EntryKeySet) -> (result: GrepFileResult, record: FrontMatterCacheRecord?, hit: Bool) {
        let path = pass.paths[index]
        if let (match, entry) = pass.settledEntry(index, stats: stats) {
            let result: GrepFileResult? = pass.previous!.withUnsafeBytes { data in
                // Most entries lack the field: their kind and date are all a search needs.
                guard let probe = FrontMatterCodec.decodeEntries(data, entry.content, path: path, keys: keys, bodyTags: false) else { return nil }
                guard probe.frontMatter?.entry(field) != nil else { return query.searchField(field, of: probe.frontMatter, path: path) }
                guard let note = FrontMatterCodec.decode(data, entry.content, path: path, body: nil) else { return nil }
                return query.searchField(field, of: note.frontMatter, path: path)
            }
            if let result { return (result, FrontMatterCacheRecord(stamp: entry.stamp, content: .previous(match)), true) }
        }
        do throws(NotebookError) {
            let (bytes, stamp) = try FileSystem.readStamped(absolutePath(path))
            let result = bytes.withUnsafeBufferPointer { query.search($0, path: path) }
            // The cache keeps what a scan would parse; a file that does not parse is searched as it is.
            let note = try? Note(parsing: TextDecoder.decode(bytes, path: path), path: path)
            return (result, note.map { FrontMatterCacheRecord(stamp: stamp, content: .encoded(FrontMatterCodec.encode($0))) }, false)
        } catch {
            return (.unreadable(Diagnostic(path: path, line: 0, message: error.description)), nil, false)
        }
    }
}
