/// The result of reading many entries: the notes that matched and what could not be read.
public struct NotebookScan: Sendable {
    /// Entries that parsed and matched, in path order.
    public var notes: [Note] = []
    /// One diagnostic per file that could not be read, in path order.
    public var diagnostics: [Diagnostic] = []
    /// How the scan used the query cache; nil when it ran without one.
    public var cacheStatistics: FrontMatterCacheStatistics?

    /// Creates an empty result.
    public init() {}
}
