/// What an entry is: from its `kind:` key, else from its folder (architecture.md's layout).
///
/// An open set: any `kind:` a user writes is a kind; the four below have layouts and templates.
public struct NoteKind: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The kind's name as written in `kind:`.
    public let rawValue: String

    /// Creates a kind from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a kind from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// A daily check-in, `days/YYYY/YYYY-MM-DD.md`.
    public static let day: NoteKind = "day"
    /// A weekly review, `weeks/YYYY/YYYY-Www.md`.
    public static let week: NoteKind = "week"
    /// An experiment with its predicted failure mode, `experiments/YYYY/YYYY-MM-DD-slug.md`.
    public static let experiment: NoteKind = "experiment"
    /// Anything else, `notes/slug.md`.
    public static let note: NoteKind = "note"

    public var description: String { rawValue }
    public static func < (lhs: NoteKind, rhs: NoteKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
