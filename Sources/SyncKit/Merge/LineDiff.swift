/// A minimal diff (Myers' O(ND) algorithm) between two sequences of line ids.
///
/// Lines are compared as small integers (see ``TextLines/ids(_:)``), so the inner loop never
/// compares strings. The result is deterministic: among the minimal scripts it takes the one
/// Myers' greedy forward search finds, which matches equal lines as early as possible and so
/// places insertions of repeated lines last, like git does after sliding.
enum LineDiff {
    /// The changed regions turning `old` into `new`, in order, separated by at least one equal element.
    static func hunks(_ old: [Int], _ new: [Int]) -> [DiffHunk] {
        hunks(matches: matches(old, new), oldCount: old.count, newCount: new.count)
    }

    /// The pairs `(i, j)` with `old[i] == new[j]` that a minimal edit script keeps, in order.
    static func matches(_ old: [Int], _ new: [Int]) -> [(Int, Int)] {
        // A common head and tail never take part in a minimal script's edits, and trimming them
        // keeps the quadratic part of the search small for the usual few-line edits.
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
            suffix += 1
        }
        var pairs: [(Int, Int)] = (0..<prefix).map { ($0, $0) }
        let middle = myers(Array(old[prefix..<(old.count - suffix)]), Array(new[prefix..<(new.count - suffix)]))
        pairs += middle.map { ($0.0 + prefix, $0.1 + prefix) }
        pairs += (0..<suffix).map { (old.count - suffix + $0, new.count - suffix + $0) }
        return pairs
    }

    /// Hunks from the kept pairs: every gap between consecutive pairs is one hunk.
    static func hunks(matches: [(Int, Int)], oldCount: Int, newCount: Int) -> [DiffHunk] {
        var hunks: [DiffHunk] = []
        var oldPosition = 0
        var newPosition = 0
        for (i, j) in matches + [(oldCount, newCount)] {
            if i > oldPosition || j > newPosition {
                hunks.append(DiffHunk(oldRange: oldPosition..<i, newRange: newPosition..<j))
            }
            oldPosition = i + 1
            newPosition = j + 1
        }
        return hunks
    }

    /// Myers' forward search with the frontier of every round kept for the backtrack.
    private static func myers(_ a: [Int], _ b: [Int]) -> [(Int, Int)] {
        let n = a.count
        let m = b.count
        if n == 0 || m == 0 { return [] }
        let maxD = n + m
        let offset = maxD + 1
        var frontier = [Int](repeating: 0, count: 2 * maxD + 3)
        // trace[d] holds the frontier before round d, for diagonals -(d+1)...(d+1).
        var trace: [[Int]] = []
        var finalD = 0
        search: for d in 0...maxD {
            trace.append(Array(frontier[(offset - d - 1)...(offset + d + 1)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
                    x = frontier[offset + k + 1]
                } else {
                    x = frontier[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + k] = x
                if x >= n, y >= m {
                    finalD = d
                    break search
                }
            }
        }
        var pairs: [(Int, Int)] = []
        var x = n
        var y = m
        for d in stride(from: finalD, through: 0, by: -1) {
            let previous = trace[d]
            func at(_ k: Int) -> Int { previous[k + d + 1] }
            let k = x - y
            let previousK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : at(previousK)
            let previousY = d == 0 ? 0 : previousX - previousK
            while x > previousX, y > previousY {
                pairs.append((x - 1, y - 1))
                x -= 1
                y -= 1
            }
            x = previousX
            y = previousY
        }
        return pairs.reversed()
    }
}
