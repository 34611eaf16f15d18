/// How one scan used the query cache.
public struct FrontMatterCacheStatistics: Sendable, Hashable {
    /// Entries the scan considered.
    public var entries: Int
    /// Entries whose front-matter came from the cache.
    public var hits: Int
    /// Entries read from disk and parsed (every entry, when the cache was missing, damaged or
    /// written by another version).
    public var misses: Int

    /// Counts from their values.
    public init(entries: Int, hits: Int, misses: Int) {
        self.entries = entries
        self.hits = hits
        self.misses = misses
    }
}
