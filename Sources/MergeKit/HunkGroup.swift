import NoteKit

/// Hunks of both sides whose base ranges overlap, merged as one region.
struct HunkGroup: Hashable, Sendable {
    /// The base lines the group covers.
    var range: Range<Int>
    /// The first side's hunks in the group, in order.
    var first: [DiffHunk]
    /// The second side's hunks in the group, in order.
    var second: [DiffHunk]
}
