import Foundation

extension Notebook {
    /// What one file gave a cached scan.
    private struct CachedOutcome: Sendable {
        var result: Result<Note, Diagnostic>?
        var record: FrontMatterCacheRecord?
        var hit: Bool
        /// Whether the next cache must differ from the previous one for this entry.
        var changed: Bool
    }

    /// ``scan(_:paths:)`` of every entry, taking front-matter parsed before from `cache` where it
    /// still holds, and updating the cache (see ``FrontMatterCache``).
    ///
    /// With `bodies` false, an entry the cache holds is not read at all and its note's
    /// ``Note/body`` is empty: for listings, which show front-matter only. Such notes must not be
    /// written back.
    public func scan(_ query: Query = Query(), cache: FrontMatterCache, bodies: Bool = true) -> NotebookScan {
        // The draft first: its creation time bounds every stamp the scan will record.
        let draft = FrontMatterCacheDraft.begin(folder: cache.folder.path, name: FrontMatterCache.fileName)
        let paths = entryPaths()
        let previous = FrontMatterCacheFile.load(cache.path, version: cache.version)
        let matches = previous?.match(paths) ?? [Int?](repeating: nil, count: paths.count)
        let stats = bodies || previous == nil ? nil : DirectoryStats(root: root.path, paths: paths)
        let keys = query.frontMatterKeys.map { Array($0.utf8) }
        let outcomes: [CachedOutcome] = ParallelMap.map(Array(paths.indices)) { index in
            let path = paths[index]
            if let previous, let entry = matches[index] {
                let outcome = if let stats {
                    listedOutcome(path, query: query, keys: keys, previous: previous, entry: entry, stats: stats)
                } else {
                    readOutcome(path, query: query, previous: previous, entry: entry)
                }
                if let outcome { return outcome }
            }
            return parsedOutcome(path, query: query)
        }
        var scan = NotebookScan()
        var hits = 0
        var changed = previous == nil || previous!.entries.count != paths.count
        var records: [(path: String, record: FrontMatterCacheRecord)] = []
        records.reserveCapacity(paths.count)
        for (path, outcome) in zip(paths, outcomes) {
            switch outcome.result {
            case .success(let note): scan.notes.append(note)
            case .failure(let diagnostic): scan.diagnostics.append(diagnostic)
            case nil: break
            }
            if outcome.hit { hits += 1 }
            if outcome.changed { changed = true }
            if let record = outcome.record { records.append((path, record)) }
        }
        scan.cacheStatistics = FrontMatterCacheStatistics(entries: paths.count, hits: hits, misses: paths.count - hits)
        if let draft {
            if changed {
                draft.commit(FrontMatterCacheFile.serialize(records, previous: previous, startedAt: draft.startedAt, version: cache.version),
                             to: cache.path)
            } else {
                draft.abandon()
            }
        }
        return scan
    }

    /// The outcome of an entry the previous cache holds, for a listing (no body): taken from
    /// the cache without reading the file when its stamp is the one recorded and was settled
    /// then; nil when the cache cannot be trusted for it.
    private func listedOutcome(_ path: String, query: Query, keys: [[UInt8]], previous: FrontMatterCacheFile, entry index: Int,
                               stats: DirectoryStats) -> CachedOutcome? {
        let entry = previous.entries[index]
        guard entry.stamp.isSettled(before: previous.startedAt), stats.stamp(path) == entry.stamp else { return nil }
        let note: Note?? = previous.bytes.withUnsafeBytes { data in
            // Most entries fail the query: those are decoded only as far as the query reads.
            guard let probe = FrontMatterCodec.decodeEntries(data, entry.content, path: path, keys: keys) else { return nil }
            guard query.matches(probe) else { return .some(nil) }
            return FrontMatterCodec.decode(data, entry.content, path: path, body: "").map { .some($0) }
        }
        guard let note else { return nil }
        return CachedOutcome(result: note.map { .success($0) }, record: FrontMatterCacheRecord(stamp: entry.stamp, content: .previous(index)),
                             hit: true, changed: false)
    }

    /// The outcome of an entry the previous cache holds, for a scan that reads bodies; nil when
    /// the cache cannot be trusted for it.
    private func readOutcome(_ path: String, query: Query, previous: FrontMatterCacheFile, entry index: Int) -> CachedOutcome? {
        let entry = previous.entries[index]
        let absolute = absolutePath(path)
        // The file is read anyway: its bytes, not its stamp, decide whether the cache holds.
        let bytes: [UInt8]
        let stamp: FileStamp
        do throws(NotebookError) {
            (bytes, stamp) = try FileSystem.readStamped(absolute)
        } catch {
            return CachedOutcome(result: .failure(Notebook.diagnostic(error, path: path)), record: nil, hit: false, changed: true)
        }
        let decoded: Note? = bytes.withUnsafeBytes { file -> Note? in
            guard let text = try? TextDecoder.decode(file, path: path) else { return nil }
            return previous.bytes.withUnsafeBytes { cached -> Note? in
                guard let (head, hasFrontMatter) = FrontMatterCodec.head(cached, entry.content) else { return nil }
                guard hasFrontMatter else {
                    // Nothing was spared by the cache, but it still holds: no front-matter then and now.
                    guard let note = try? Note(parsing: text, path: path), note.frontMatter == nil else { return nil }
                    return note
                }
                guard file.count >= head.count,
                      memcmp(file.baseAddress!, cached.baseAddress! + head.lowerBound, head.count) == 0,
                      // A closing fence at the very end of the file, without its newline, is a
                      // fence only while nothing follows it.
                      cached[head.upperBound - 1] == UInt8(ascii: "\n") || file.count == head.count else { return nil }
                let body = String(decoding: UnsafeRawBufferPointer(rebasing: file[head.count...]), as: UTF8.self)
                return FrontMatterCodec.decode(cached, entry.content, path: path, body: body)
            }
        }
        // Text hearth cannot read, or an entry whose head changed: parsed as if uncached.
        guard let note = decoded else { return nil }
        // An entry without front-matter is encoded anew: its byte order mark may have changed.
        let content: FrontMatterCacheRecord.Content = note.frontMatter == nil ? .encoded(FrontMatterCodec.encode(note)) : .previous(index)
        return CachedOutcome(result: query.matches(note) ? .success(note) : nil,
                             record: FrontMatterCacheRecord(stamp: stamp, content: content), hit: true, changed: stamp != entry.stamp)
    }

    /// The outcome of reading and parsing an entry.
    private func parsedOutcome(_ path: String, query: Query) -> CachedOutcome {
        do throws(NotebookError) {
            let (bytes, stamp) = try FileSystem.readStamped(absolutePath(path))
            do throws(Diagnostic) {
                let note = try Note(parsing: TextDecoder.decode(bytes, path: path), path: path)
                return CachedOutcome(result: query.matches(note) ? .success(note) : nil,
                                     record: FrontMatterCacheRecord(stamp: stamp, content: .encoded(FrontMatterCodec.encode(note))),
                                     hit: false, changed: true)
            } catch {
                return CachedOutcome(result: .failure(error), record: nil, hit: false, changed: true)
            }
        } catch {
            return CachedOutcome(result: .failure(Notebook.diagnostic(error, path: path)), record: nil, hit: false, changed: true)
        }
    }
}
