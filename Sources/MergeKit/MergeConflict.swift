import Foundation

/// One conflict a merge recorded: both versions with their devices, and which one was kept.
public struct MergeConflict: Sendable, Hashable, Codable {
    /// What kind of thing conflicted.
    public enum Kind: String, Sendable, Codable {
        /// A front-matter key both sides changed to different values (or one deleted).
        case field
        /// A body region both sides changed differently; both versions are in the file.
        case text
        /// One side modified the file, the other deleted it.
        case deleted
        /// A file that could not be interpreted; the other version lies beside it.
        case file
    }

    /// The merged file's repository-relative path.
    public var path: String
    /// What conflicted.
    public var kind: Kind
    /// The key for `.field` (a dotted path for nested maps, e.g. "meta.place"); nil otherwise.
    public var field: String?
    /// The first side's version.
    public var first: ConflictSide
    /// The second side's version.
    public var second: ConflictSide
    /// The device whose version is at `path`, or "both".
    public var kept: String

    /// Creates a conflict record.
    public init(path: String, kind: Kind, field: String? = nil, first: ConflictSide, second: ConflictSide, kept: String) {
        self.path = path
        self.kind = kind
        self.field = field
        self.first = first
        self.second = second
        self.kept = kept
    }

    /// A `.file` conflict: one side's version stays at `path`, the other's lies beside it at `copy`.
    package static func file(at path: String, copy: String, first: MergeSide, second: MergeSide, firstStays: Bool) -> MergeConflict {
        MergeConflict(
            path: path, kind: .file,
            first: ConflictSide(device: first.device, time: first.time, value: firstStays ? path : copy),
            second: ConflictSide(device: second.device, time: second.time, value: firstStays ? copy : path),
            kept: firstStays ? first.device : second.device)
    }
}
