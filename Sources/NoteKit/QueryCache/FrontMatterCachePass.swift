/// One pass over a notebook's entries with the query cache: the draft of the next cache begun
/// first (its creation time bounds every stamp the pass records), the entries listed, the
/// previous cache loaded and matched to them; at the end, the next cache written when anything
/// changed.
struct FrontMatterCachePass {
    let cache: FrontMatterCache
    let draft: FrontMatterCacheDraft?
    let paths: [String]
    let previous: FrontMatterCacheFile?
    /// For each path, the index of its entry in ``previous``.
    let matches: [Int?]

    init(_ notebook: Notebook, cache: FrontMatterCache) {
        self.cache = cache
        let draft = FrontMatterCacheDraft.begin(folder: cache.folder.path, name: FrontMatterCache.fileName)
        self.draft = draft
        // Listing the folders (or finding that none changed) and checking the cache each take a while: side by side.
        let startedAt = draft?.startedAt
        let both = ParallelMap.map([0, 1], width: 2) { task -> (paths: [String]?, file: FrontMatterCacheFile?) in
            task == 0 ? (EntryListing.paths(root: notebook.root.path, folder: cache.folder.path, version: cache.version, startedAt: startedAt), nil)
                : (nil, FrontMatterCacheFile.load(cache.path, version: cache.version))
        }
        paths = both[0].paths ?? []
        previous = both[1].file
        matches = previous?.match(paths) ?? [Int?](repeating: nil, count: paths.count)
    }

    /// The previous cache's entry for `paths[index]` when it can be trusted without reading the
    /// file: its stamp is the one recorded, and was settled before the scan that recorded it.
    func settledEntry(_ index: Int, stats: DirectoryStats) -> (index: Int, entry: FrontMatterCacheFile.Entry)? {
        guard let previous, let match = matches[index] else { return nil }
        let entry = previous.entries[match]
        guard entry.stamp.isSettled(before: previous.startedAt), stats.stamp(paths[index]) == entry.stamp else { return nil }
        return (match, entry)
    }

    /// Whether `record` for `paths[index]` is the previous cache's entry as it stands: such an
    /// entry needs no record of its own to be written again.
    func isUnchanged(_ index: Int, _ record: FrontMatterCacheRecord?) -> Bool {
        guard let record, let previous, case .previous(let match) = record.content, match == matches[index] else { return false }
        return record.stamp == previous.entries[match].stamp
    }

    /// ``finish(records:hits:)`` from the records that are not ``isUnchanged(_:_:)``: when
    /// there are none and every entry of the previous cache was met, nothing changed and no
    /// record is built.
    func finish(fresh: [(index: Int, record: FrontMatterCacheRecord?)], hits: Int) -> FrontMatterCacheStatistics {
        if let previous, fresh.isEmpty, paths.count == previous.entries.count {
            draft?.abandon()
            return FrontMatterCacheStatistics(entries: paths.count, hits: hits, misses: paths.count - hits)
        }
        var records: [FrontMatterCacheRecord?] = paths.indices.map { index in
            matches[index].map { FrontMatterCacheRecord(stamp: previous!.entries[$0].stamp, content: .previous($0)) }
        }
        for (index, record) in fresh { records[index] = record }
        return finish(records: records, hits: hits)
    }

    /// Writes the next cache from each path's record (nil for a file that could not be parsed)
    /// when it differs from the previous one, and returns the pass's counts.
    func finish(records: [FrontMatterCacheRecord?], hits: Int) -> FrontMatterCacheStatistics {
        if let draft {
            if changed(records) {
                var kept: [(path: String, record: FrontMatterCacheRecord)] = []
                kept.reserveCapacity(paths.count)
                for (path, record) in zip(paths, records) {
                    if let record { kept.append((path, record)) }
                }
                draft.commit(FrontMatterCacheFile.serialize(kept, previous: previous, startedAt: draft.startedAt, version: cache.version),
                             to: cache.path)
            } else {
                draft.abandon()
            }
        }
        return FrontMatterCacheStatistics(entries: paths.count, hits: hits, misses: paths.count - hits)
    }

    /// Whether `records` say anything the previous cache does not: an unchanged notebook, even
    /// one with a file that cannot be parsed, is not written again.
    private func changed(_ records: [FrontMatterCacheRecord?]) -> Bool {
        guard let previous else { return true }
        var kept = 0
        for (index, record) in records.enumerated() {
            guard let record else {
                if matches[index] != nil { return true }
                continue
            }
            guard case .previous(let match) = record.content, match == matches[index],
                  record.stamp == previous.entries[match].stamp else { return true }
            kept += 1
        }
        return kept != previous.entries.count
    }
}
