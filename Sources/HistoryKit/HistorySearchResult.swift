import NoteKit

/// What `hearth grep --history` found.
public struct HistorySearchResult: Sendable {
    /// The matching lines, by path and line.
    public var matches: [HistoryMatch] = []
    /// The search of the working tree: its binary matches, invalid UTF-8 and unreadable files
    /// (its hits are left out: they are in `matches`).
    public var current = GrepScan()
    /// Commits walked.
    public var commits = 0
    /// Distinct file versions searched (each once, however many commits share it).
    public var versions = 0
    /// Past versions that were binary or, with `--field`, had front-matter that cannot be parsed:
    /// not searched, and still in the history untouched.
    public var skippedVersions = 0

    /// Creates an empty result.
    public init() {}
}
