import Foundation

extension Notebook {
    /// What one file gave a cached scan.
    private struct CachedOutcome: Sendable {
        var result: Result<Note, Diagnostic>?
        var record: FrontMatterCacheRecord?
        var hit: Bool
    }

    /// What a run of consecutive entries gave a cached scan, in path order. Entries taken from
    /// the previous cache unchanged leave nothing but a count: a warm listing of 100,000 entries
    /// builds no per-entry record.
    private struct CachedChunk: Sendable {
        var notes: [Note] = []
        var diagnostics: [Diagnostic] = []
        /// The entries whose record differs from the previous cache's: index and record (nil for
        /// a file that could not be parsed).
        var fresh: [(index: Int, record: FrontMatterCacheRecord?)] = []
        var hits = 0
    }

    /// ``scan(_:paths:)`` of every entry, taking front-matter parsed before from `cache` where it
    /// still holds, and updating the cache (see ``FrontMatterCache``).
    ///
    /// With `bodies` false, an entry the cache holds is not read at all and its note's
    /// ``Note/body`` is empty, its ``Note/bodyTags`` those the cache recorded: for listings,
    /// which show front-matter only, and for tags. Such notes must not be written back.
    ///
    /// With `rowKeys` as well (`list --json`), such a note holds only the front-matter entries of
    /// those keys and the query's, and its `Note.jsonFields(bodyTags:)` as the cache recorded
    /// them: a row is then printed without decoding the rest.
    public func scan(_ query: Query = Query(), cache: FrontMatterCache, bodies: Bool = true, rowKeys: [String]? = nil) -> NotebookScan {
        let pass = FrontMatterCachePass(self, cache: cache)
        let listing = !bodies && pass.previous != nil
        let keys = EntryKeySet(query.frontMatterKeys)
        let rowKeys = rowKeys.map { EntryKeySet($0 + query.frontMatterKeys) }
        let chunks: [CachedChunk] = ParallelMap.chunked(pass.paths.count) { range in
            var chunk = CachedChunk()
            let stats = listing ? DirectoryStats(root: root.path) : nil
            for index in range {
                let outcome = cachedOutcome(index, pass: pass, stats: stats, query: query, keys: keys, rowKeys: rowKeys)
                switch outcome.result {
                case .success(let note): chunk.notes.append(note)
                case .failure(let diagnostic): chunk.diagnostics.append(diagnostic)
                case nil: break
                }
                if outcome.hit { chunk.hits += 1 }
                if !pass.isUnchanged(index, outcome.record) { chunk.fresh.append((index, outcome.record)) }
            }
            return chunk
        }
        var scan = NotebookScan()
        scan.notes.reserveCapacity(chunks.reduce(0) { $0 + $1.notes.count })
        for chunk in chunks {
            scan.notes.append(contentsOf: chunk.notes)
            scan.diagnostics.append(contentsOf: chunk.diagnostics)
        }
        scan.cacheStatistics = pass.finish(fresh: chunks.flatMap(\.fresh), hits: chunks.reduce(0) { $0 + $1.hits })
        return scan
    }

    /// What `pass.paths[index]` gives the scan: from the cache without reading the file (with
    /// `stats`, for listings), from the cache after reading it (bodies), or parsed.
    private func cachedOutcome(_ index: Int, pass: FrontMatterCachePass, stats: DirectoryStats?, query: Query, keys: EntryKeySet,
                               rowKeys: EntryKeySet?) -> CachedOutcome {
        let path = pass.paths[index]
        if let stats {
            if let (match, entry) = pass.settledEntry(index, stats: stats),
               let outcome = listedOutcome(path, query: query, keys: keys, rowKeys: rowKeys, previous: pass.previous!, match: match, entry: entry) {
                return outcome
            }
        } else if let previous = pass.previous, let match = pass.matches[index],
                  let outcome = readOutcome(path, query: query, previous: previous, match: match) {
            return outcome
        }
        return parsedOutcome(path, query: query)
    }

    /// The outcome of an entry taken from the cache without reading the file, for a listing (no
    /// body, the recorded body tags); nil when its encoding cannot be read.
    private func listedOutcome(_ path: String, query: Query, keys: EntryKeySet, rowKeys: EntryKeySet?, previous: FrontMatterCacheFile, match: Int,
                               entry: FrontMatterCacheFile.Entry) -> CachedOutcome? {
        let note: Note?? = previous.withUnsafeBytes { data in
            // Most entries fail the query: those are decoded only as far as the query reads.
            guard let probe = FrontMatterCodec.decodeEntries(data, entry.content, path: path, keys: keys, bodyTags: !query.tags.isEmpty) else {
                return nil
            }
            guard query.matches(probe) else { return .some(nil) }
            if let rowKeys, let row = FrontMatterCodec.decodeRow(data, entry.content, path: path, keys: rowKeys, bodyTags: !query.tags.isEmpty) {
                return .some(row)
            }
            return FrontMatterCodec.decode(data, entry.content, path: path, body: nil).map { .some($0) }
        }
        guard let note else { return nil }
        return CachedOutcome(result: note.map { .success($0) }, record: FrontMatterCacheRecord(stamp: entry.stamp, content: .previous(match)), hit: true)
    }

    /// The outcome of an entry the previous cache holds, for a scan that reads bodies; nil when
    /// the cache cannot be trusted for it.
    private func readOutcome(_ path: String, query: Query, previous: FrontMatterCacheFile, match: Int) -> CachedOutcome? {
        let entry = previous.entries[match]
        let absolute = absolutePath(path)
        // The file is read anyway: its bytes, not its stamp, decide whether the cache holds.
        let bytes: [UInt8]
        let stamp: FileStamp
        do throws(NotebookError) {
            (bytes, stamp) = try FileSystem.readStamped(absolute)
        } catch {
            return CachedOutcome(result: .failure(Notebook.diagnostic(error, path: path)), record: nil, hit: false)
        }
        let decoded: Note? = bytes.withUnsafeBytes { file -> Note? in
            guard let text = try? TextDecoder.decode(file, path: path) else { return nil }
            return previous.withUnsafeBytes { cached -> Note? in
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
        var content = FrontMatterCacheRecord.Content.previous(match)
        if note.frontMatter == nil || previous.withUnsafeBytes({ FrontMatterCodec.bodyTags($0, entry.content) }) != note.bodyTags {
            // The body's tags may have changed with it, and without front-matter its byte order
            // mark may have come or gone.
            let encoded = FrontMatterCodec.encode(note)
            if !previous.withUnsafeBytes({ $0[entry.content].elementsEqual(encoded) }) { content = .encoded(encoded) }
        }
        return CachedOutcome(result: query.matches(note) ? .success(note) : nil,
                             record: FrontMatterCacheRecord(stamp: stamp, content: content), hit: true)
    }

    /// The outcome of reading and parsing an entry.
    private func parsedOutcome(_ path: String, query: Query) -> CachedOutcome {
        do throws(NotebookError) {
            let (bytes, stamp) = try FileSystem.readStamped(absolutePath(path))
            do throws(Diagnostic) {
                let note = try Note(parsing: TextDecoder.decode(bytes, path: path), path: path)
                return CachedOutcome(result: query.matches(note) ? .success(note) : nil,
                                     record: FrontMatterCacheRecord(stamp: stamp, content: .encoded(FrontMatterCodec.encode(note))),
                                     hit: false)
            } catch {
                return CachedOutcome(result: .failure(error), record: nil, hit: false)
            }
        } catch {
            return CachedOutcome(result: .failure(Notebook.diagnostic(error, path: path)), record: nil, hit: false)
        }
    }
}
