import NoteKit

/// The three-way line merge of a body (or a whole non-Markdown text file).
///
/// Each side is diffed against the base; hunks of the two sides that overlap form a group, and
/// a group changed by both sides differently becomes a text conflict. Two sides that only
/// inserted lines at the same place are not in conflict: the first side's lines come first.
package struct LineMerger {
    /// The repository-relative path, for conflict records.
    var path: String
    /// The first side (its lines come first in insertions and conflicts).
    var firstSide: MergeSide
    /// The second side.
    var secondSide: MergeSide
    /// The terminator for marker lines and for lines that need one added.
    package var newline: String

    /// Merges three versions of lines (each with its terminator).
    func merge(base: [String], first: [String], second: [String]) -> (lines: [String], conflicts: [MergeConflict]) {
        var interner = TextLines.Interner()
        let baseIDs = interner.ids(base, newline: TextLines.newline(of: base.joined()) ?? newline)
        let firstIDs = interner.ids(first, newline: TextLines.newline(of: first.joined()) ?? newline)
        let secondIDs = interner.ids(second, newline: TextLines.newline(of: second.joined()) ?? newline)
        let firstHunks = LineDiff.hunks(baseIDs, firstIDs)
        let secondHunks = LineDiff.hunks(baseIDs, secondIDs)

        var out: [String] = []
        var conflicts: [MergeConflict] = []
        var position = 0
        var firstDelta = 0
        var secondDelta = 0

        func emitStable(upTo end: Int) {
            // Both sides kept these lines; they can differ only in a final line's missing
            // terminator, and a side that added one changed it.
            while position < end {
                let firstLine = first[position + firstDelta]
                out.append(firstLine != base[position] ? firstLine : second[position + secondDelta])
                position += 1
            }
        }

        for group in LineMerger.groups(firstHunks, secondHunks) {
            emitStable(upTo: group.range.lowerBound)
            let firstGrowth = group.first.reduce(0) { $0 + $1.delta }
            let secondGrowth = group.second.reduce(0) { $0 + $1.delta }
            let firstRange = (group.range.lowerBound + firstDelta)..<(group.range.upperBound + firstDelta + firstGrowth)
            let secondRange = (group.range.lowerBound + secondDelta)..<(group.range.upperBound + secondDelta + secondGrowth)
            if group.first.isEmpty {
                out += second[secondRange]
            } else if group.second.isEmpty {
                out += first[firstRange]
            } else {
                resolve(baseCount: group.range.count,
                        first: Array(first[firstRange]), firstIDs: Array(firstIDs[firstRange]),
                        second: Array(second[secondRange]), secondIDs: Array(secondIDs[secondRange]),
                        into: &out, conflicts: &conflicts)
            }
            firstDelta += firstGrowth
            secondDelta += secondGrowth
            position = group.range.upperBound
        }
        emitStable(upTo: base.count)

        // A line that lost its end-of-file position (something was appended after it, or a
        // marker follows it) needs a terminator, or two lines would run together.
        for index in out.indices.dropLast() where !TextLines.isTerminated(out[index]) {
            out[index] += newline
        }
        return (out, conflicts)
    }

    /// Merges two versions with no common ancestor: the lines they share (their longest common
    /// subsequence) serve as the base, so everything else is an insertion by one side.
    func mergeWithoutBase(first: [String], second: [String]) -> (lines: [String], conflicts: [MergeConflict]) {
        var interner = TextLines.Interner()
        let firstIDs = interner.ids(first, newline: TextLines.newline(of: first.joined()) ?? newline)
        let secondIDs = interner.ids(second, newline: TextLines.newline(of: second.joined()) ?? newline)
        let base = LineDiff.matches(firstIDs, secondIDs).map { first[$0.0] }
        return merge(base: base, first: first, second: second)
    }

    /// A group both sides changed: same result, insertions on both sides, or a conflict.
    private func resolve(baseCount: Int, first: [String], firstIDs: [Int], second: [String], secondIDs: [Int],
                         into out: inout [String], conflicts: inout [MergeConflict]) {
        if firstIDs == secondIDs {
            out += second
            return
        }
        if baseCount == 0 {
            out += first + second
            return
        }
        // zdiff3: lines both versions start or end with are not part of the conflict.
        var prefix = 0
        while prefix < firstIDs.count, prefix < secondIDs.count, firstIDs[prefix] == secondIDs[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < firstIDs.count - prefix, suffix < secondIDs.count - prefix,
              firstIDs[firstIDs.count - 1 - suffix] == secondIDs[secondIDs.count - 1 - suffix] {
            suffix += 1
        }
        let firstMiddle = Array(first[prefix..<(first.count - suffix)])
        let secondMiddle = Array(second[prefix..<(second.count - suffix)])
        out += second[..<prefix]
        // The shared lines stand in for base lines one for one; when they account for the whole
        // base region, what is left on each side was inserted, as when both sides rewrote a line
        // the same way and then each added something after it.
        if baseCount - prefix - suffix <= 0 {
            out += firstMiddle + secondMiddle
        } else {
            let firstLines = firstMiddle.map { TextLines.terminated($0, newline: newline) }
            let secondLines = secondMiddle.map { TextLines.terminated($0, newline: newline) }
            out.append(ConflictMarker.opening(firstSide, newline: newline))
            out += firstLines
            out.append(ConflictMarker.opening(secondSide, newline: newline))
            out += secondLines
            out.append(ConflictMarker.end(newline: newline))
            conflicts.append(MergeConflict(
                path: path, kind: .text,
                first: ConflictSide(device: firstSide.device, time: firstSide.time, value: firstLines.joined()),
                second: ConflictSide(device: secondSide.device, time: secondSide.time, value: secondLines.joined()),
                kept: "both"))
        }
        out += second[(second.count - suffix)...]
    }

    /// Hunks of the two sides joined into groups of overlapping hunks, in base order.
    ///
    /// Two hunks overlap when their base ranges intersect, when both insert at the same place,
    /// or when one inserts strictly inside the other's range. Hunks that merely touch stay apart,
    /// so edits to neighbouring lines both apply.
    static func groups(_ first: [DiffHunk], _ second: [DiffHunk]) -> [HunkGroup] {
        var parent = Array(0..<(first.count + second.count))
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        for (i, a) in first.enumerated() {
            for (j, b) in second.enumerated() {
                if b.oldRange.lowerBound > a.oldRange.upperBound { break }
                if overlap(a.oldRange, b.oldRange) {
                    let (x, y) = (root(i), root(first.count + j))
                    if x != y { parent[max(x, y)] = min(x, y) }
                }
            }
        }
        var byRoot: [Int: HunkGroup] = [:]
        for (index, hunk) in (first + second).enumerated() {
            let key = root(index)
            var group = byRoot[key] ?? HunkGroup(range: hunk.oldRange, first: [], second: [])
            group.range = min(group.range.lowerBound, hunk.oldRange.lowerBound)..<max(group.range.upperBound, hunk.oldRange.upperBound)
            if index < first.count { group.first.append(hunk) } else { group.second.append(hunk) }
            byRoot[key] = group
        }
        return byRoot.values.sorted {
            ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
        }
    }

    /// The overlap rule for two base ranges (see ``groups(_:_:)``).
    package static func overlap(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        switch (a.isEmpty, b.isEmpty) {
        case (true, true): return a.lowerBound == b.lowerBound
        case (true, false): return b.lowerBound < a.lowerBound && a.lowerBound < b.upperBound
        case (false, true): return a.lowerBound < b.lowerBound && b.lowerBound < a.upperBound
        case (false, false): return a.lowerBound < b.upperBound && b.lowerBound < a.upperBound
        }
    }
}
