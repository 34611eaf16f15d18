/// A minimal diff (Myers' O(ND) algorithm, linear-space variant) between two sequences of line ids.
///
/// Lines are compared as small integers (see ``TextLines/Interner``), so the inner loop never
/// compares strings. The result depends only on the two sequences, so it is deterministic.
package enum LineDiff {
    /// The changed regions turning `old` into `new`, in order, separated by at least one equal element.
    package static func hunks(_ old: [Int], _ new: [Int]) -> [DiffHunk] {
        hunks(matches: matches(old, new), oldCount: old.count, newCount: new.count)
    }

    /// The pairs `(i, j)` with `old[i] == new[j]` that a minimal edit script keeps, in order.
    package static func matches(_ old: [Int], _ new: [Int]) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        pairs.reserveCapacity(min(old.count, new.count))
        collect(old, 0..<old.count, new, 0..<new.count, into: &pairs)
        return pairs
    }

    /// Hunks from the kept pairs: every gap between consecutive pairs is one hunk.
    package static func hunks(matches: [(Int, Int)], oldCount: Int, newCount: Int) -> [DiffHunk] {
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

    /// Divide and conquer around the middle snake (Myers 1986, section 4b), so memory stays
    /// linear even when both sides rewrote a long file (a newline conversion, say).
    private static func collect(_ a: [Int], _ aRange: Range<Int>, _ b: [Int], _ bRange: Range<Int>,
                                into pairs: inout [(Int, Int)]) {
        var (aLow, aHigh, bLow, bHigh) = (aRange.lowerBound, aRange.upperBound, bRange.lowerBound, bRange.upperBound)
        // A common head and tail never take part in a minimal script's edits; trimming them
        // first keeps the usual few-line edits cheap and places an inserted copy of a repeated
        // line after the existing ones, as git does after sliding.
        while aLow < aHigh, bLow < bHigh, a[aLow] == b[bLow] {
            pairs.append((aLow, bLow))
            aLow += 1
            bLow += 1
        }
        var tail = 0
        while aLow < aHigh - tail, bLow < bHigh - tail, a[aHigh - 1 - tail] == b[bHigh - 1 - tail] { tail += 1 }
        aHigh -= tail
        bHigh -= tail
        if aLow < aHigh, bLow < bHigh {
            let snake = middleSnake(a, aLow, aHigh, b, bLow, bHigh)
            let n = aHigh - aLow
            let m = bHigh - bLow
            // Each half has a strictly smaller edit distance; the guard only stops a loop if that ever failed.
            if !(snake.x == 0 && snake.y == 0 && snake.u == 0 && snake.v == 0) && !(snake.x == n && snake.y == m) {
                collect(a, aLow..<(aLow + snake.x), b, bLow..<(bLow + snake.y), into: &pairs)
                for step in 0..<(snake.u - snake.x) { pairs.append((aLow + snake.x + step, bLow + snake.y + step)) }
                collect(a, (aLow + snake.u)..<aHigh, b, (bLow + snake.v)..<bHigh, into: &pairs)
            }
        }
        for step in 0..<tail { pairs.append((aHigh + step, bHigh + step)) }
    }

    /// The middle snake of an optimal path through `a[aLow..<aHigh]` / `b[bLow..<bHigh]`: it runs
    /// from `(x, y)` to `(u, v)`, relative to the lower bounds.
    private static func middleSnake(_ a: [Int], _ aLow: Int, _ aHigh: Int, _ b: [Int], _ bLow: Int, _ bHigh: Int)
        -> (x: Int, y: Int, u: Int, v: Int) {
        let n = aHigh - aLow
        let m = bHigh - bLow
        let delta = n - m
        let odd = delta & 1 != 0
        let maxD = (n + m + 1) / 2
        let offset = maxD + 1
        // forward[k]: furthest x on diagonal k from the start; backward[k]: furthest x on
        // diagonal k of the reversed sequences, from the end. Forward diagonal k is reverse delta - k.
        var forward = [Int](repeating: 0, count: 2 * maxD + 3)
        var backward = [Int](repeating: 0, count: 2 * maxD + 3)
        for d in 0...maxD {
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1]))
                    ? forward[offset + k + 1] : forward[offset + k - 1] + 1
                var y = x - k
                let (startX, startY) = (x, y)
                while x < n, y < m, a[aLow + x] == b[bLow + y] {
                    x += 1
                    y += 1
                }
                forward[offset + k] = x
                let reverse = delta - k
                if odd, reverse >= -(d - 1), reverse <= d - 1, x + backward[offset + reverse] >= n {
                    return (startX, startY, x, y)
                }
            }
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && backward[offset + k - 1] < backward[offset + k + 1]))
                    ? backward[offset + k + 1] : backward[offset + k - 1] + 1
                var y = x - k
                let (startX, startY) = (x, y)
                while x < n, y < m, a[aHigh - 1 - x] == b[bHigh - 1 - y] {
                    x += 1
                    y += 1
                }
                backward[offset + k] = x
                let ahead = delta - k
                if !odd, ahead >= -d, ahead <= d, x + forward[offset + ahead] >= n {
                    return (n - x, m - y, n - startX, m - startY)
                }
            }
        }
        // Unreachable: the two searches always meet by round (n + m + 1) / 2.
        return (0, 0, 0, 0)
    }
}
