import Foundation

extension Notebook {
    /// What one file gave a cached scan.
    private struct CachedOutcome: Sendable {
        var result: Result<Note, Diagnostic>?
        var record: FrontMatterCacheRecord?
        var hit: Bool
    }

    /// ``scan(_:paths:)`` of every entry, taking front-matter parsed before from `cache` where it
    /// still holds, and updating the cache (see ``FrontMatterCache``).
    ///
    /// With `bodies` false, an entry the cache holds is not read at all and its note's
    /// ``Note/body`` is empty: for listings, which show front-matter only. Such notes must not be
    /// written back. With `matchedBodies` too, the entries that match are read with their bodies
    /// (`hearth tags` reads the bodies of the entries in its range only). An entry whose `tags:`
    /// lacks a tag of the query is read either way: the tag may be a `#tag` in its body.
    public func scan(_ query: Query = Query(), cache: FrontMatterCache, bodies: Bool = true,
                     matchedBodies: Bool = false) -> NotebookScan {
        let pass = FrontMatterCachePass(self, cache: cache)
        let stats = bodies || pass.previous == nil ? nil : DirectoryStats(root: root.path, paths: pass.paths)
        let keys = query.frontMatterKeys.map { Array($0.utf8) }
        let outcomes: [CachedOutcome] = ParallelMap.map(Array(pass.paths.indices)) { index in
            let path = pass.paths[index]
            if let stats {
                if let (match, entry) = pass.settledEntry(index, stats: stats),
                   let outcome = listedOutcome(path, query: query, keys: keys, previous: pass.previous!, match: match, entry: entry,
                                               matchedBodies: matchedBodies) {
                    return outcome
                }
            } else if let previous = pass.previous, let match = pass.matches[index],
                      let outcome = readOutcome(path, query: query, previous: previous, match: match) {
                return outcome
            }
            return parsedOutcome(path, query: query)
        }
        var scan = NotebookScan()
        for outcome in outcomes {
            switch outcome.result {
            case .success(let note): scan.notes.append(note)
            case .failure(let diagnostic): scan.diagnostics.append(diagnostic)
            case nil: break
            }
        }
        scan.cacheStatistics = pass.finish(records: outcomes.map(\.record), hits: outcomes.count { $0.hit })
        return scan
    }

    /// The outcome of an entry taken from the cache without reading the file, for a listing (no
    /// body); nil when its encoding cannot be read. An entry that needs its body (asked for, or
    /// for a tag its `tags:` lacks) is read as ``readOutcome(_:query:previous:match:)`` reads it.
    private func listedOutcome(_ path: String, query: Query, keys: [[UInt8]], previous: FrontMatterCacheFile, match: Int,
                               entry: FrontMatterCacheFile.Entry, matchedBodies: Bool) -> CachedOutcome? {
        var needsBody = false
        let note: Note?? = previous.withUnsafeBytes { data in
            // Most entries fail the query: those are decoded only as far as the query reads.
            guard let probe = FrontMatterCodec.decodeEntries(data, entry.content, path: path, keys: keys) else { return nil }
            guard query.matchesExceptTags(probe) else { return .some(nil) }
            if matchedBodies || !query.carriesTags(probe) {
                needsBody = true
                return .some(nil)
            }
            return FrontMatterCodec.decode(data, entry.content, path: path, body: "").map { .some($0) }
        }
        if needsBody { return readOutcome(path, query: query, previous: previous, match: match) }
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
        if note.frontMatter == nil {
            // Its byte order mark may have come or gone.
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
