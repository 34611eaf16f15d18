/// What happened to one entry between two versions, in words a person reads without knowing git.
public struct EntryChange: Sendable, Hashable {
    /// What happened to the file.
    public enum Status: String, Sendable, Hashable {
        /// The entry appeared.
        case add
        /// The entry changed in place.
        case edit
        /// The entry went away.
        case delete
        /// The entry moved (possibly with edits).
        case rename
        /// A merge produced a version neither side had alone.
        case merge
        /// An old version was brought back (`hearth restore`).
        case restore
    }

    /// What happened.
    public var status: Status
    /// The entry's path after the change (before it, for a deletion).
    public var path: String
    /// The previous path of a renamed entry.
    public var oldPath: String?
    /// Front-matter keys whose values changed, in the new version's key order, then removed keys.
    public var fields: [FieldChange]
    /// Body lines added and removed, in diff order.
    public var lines: [BodyLine]
    /// True when either version is not text (it holds NUL bytes, as a picture does): no fields
    /// or lines are given.
    public var isBinary: Bool
    /// Set when the line terminators changed (`LF -> CRLF`); the lines are then compared
    /// without them.
    public var lineEndings: String?

    /// How many body lines were added.
    public var linesAdded: Int { lines.count { $0.added } }
    /// How many body lines were removed.
    public var linesRemoved: Int { lines.count { !$0.added } }

    /// `edit days/2026/2026-11-22.md: energy 3 -> 2, tags +travel, body +2 -1` (lines added, removed).
    public var words: String {
        let subject = oldPath.map { "\($0) -> \(path)" } ?? path
        var parts = fields.map(\.words)
        if isBinary {
            parts.append("binary file")
        } else if !lines.isEmpty, status != .add, status != .delete {
            parts.append("body " + [linesAdded > 0 ? "+\(linesAdded)" : nil, linesRemoved > 0 ? "-\(linesRemoved)" : nil]
                .compactMap { $0 }.joined(separator: " "))
        } else if !lines.isEmpty {
            parts.append("\(lines.count) \(lines.count == 1 ? "line" : "lines")")
        }
        if let lineEndings { parts.append("line endings \(lineEndings)") }
        return parts.isEmpty ? "\(status.rawValue) \(subject)" : "\(status.rawValue) \(subject): \(parts.joined(separator: ", "))"
    }
}
