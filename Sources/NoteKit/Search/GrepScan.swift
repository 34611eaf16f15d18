/// The result of searching many entries.
public struct GrepScan: Sendable {
    /// The matches, in path order and line order within a file.
    public var hits: [GrepHit] = []
    /// Binary files in which the pattern occurs (not shown, like grep's "binary file matches").
    public var binaryMatches: [String] = []
    /// Files with matches that hold bytes which are not UTF-8 (shown as U+FFFD).
    public var invalidUTF8: [String] = []
    /// Files that could not be read, in path order.
    public var diagnostics: [Diagnostic] = []
    /// How the search used the query cache; nil when it ran without one.
    public var cacheStatistics: FrontMatterCacheStatistics?

    /// Creates an empty result.
    public init() {}

    /// Adds one file's result.
    public mutating func add(_ result: GrepFileResult, path: String) {
        switch result {
        case .searched(let found, let invalid):
            hits += found
            if invalid && !found.isEmpty { invalidUTF8.append(path) }
        case .filteredOut: break
        case .binary(let matched): if matched { binaryMatches.append(path) }
        case .unreadable(let diagnostic): diagnostics.append(diagnostic)
        }
    }

    /// Whether anything matched (a binary file that matches counts, as in grep).
    public var matched: Bool { !hits.isEmpty || !binaryMatches.isEmpty }
}
