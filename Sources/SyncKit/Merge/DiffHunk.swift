/// One changed region between two sequences: `old[oldRange]` became `new[newRange]`.
///
/// An empty `oldRange` is a pure insertion before `old[oldRange.lowerBound]`; an empty
/// `newRange` a pure deletion.
struct DiffHunk: Hashable, Sendable {
    /// The replaced part of the old sequence.
    var oldRange: Range<Int>
    /// The part of the new sequence that replaces it.
    var newRange: Range<Int>

    /// How many elements the hunk adds (negative when it removes more than it adds).
    var delta: Int { newRange.count - oldRange.count }
}
