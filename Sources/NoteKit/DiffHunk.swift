/// One changed region between two sequences: `old[oldRange]` became `new[newRange]`.
///
/// An empty `oldRange` is a pure insertion before `old[oldRange.lowerBound]`; an empty
/// `newRange` a pure deletion.
package struct DiffHunk: Hashable, Sendable {
    /// The replaced part of the old sequence.
    package var oldRange: Range<Int>
    /// The part of the new sequence that replaces it.
    package var newRange: Range<Int>

    /// How many elements the hunk adds (negative when it removes more than it adds).
    package var delta: Int { newRange.count - oldRange.count }
}
