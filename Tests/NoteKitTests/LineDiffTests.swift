@testable import NoteKit
import TestSupport
import Testing

@Suite("LineDiff")
struct LineDiffTests {
    /// The length of a longest common subsequence, by dynamic programming (the reference).
    static func lcsLength(_ a: [Int], _ b: [Int]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in a.indices.reversed() {
            for j in b.indices.reversed() {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }

    /// `old` with the hunks applied.
    static func apply(_ hunks: [DiffHunk], _ old: [Int], _ new: [Int]) -> [Int] {
        var out: [Int] = []
        var position = 0
        for hunk in hunks {
            out += old[position..<hunk.oldRange.lowerBound]
            out += new[hunk.newRange]
            position = hunk.oldRange.upperBound
        }
        return out + old[position...]
    }

    static func editCount(_ hunks: [DiffHunk]) -> Int {
        hunks.reduce(0) { $0 + $1.oldRange.count + $1.newRange.count }
    }

    @Test("the script is minimal and rebuilds the new sequence", arguments: 0..<4)
    func minimalOnRandomInputs(batch: UInt64) {
        var random = SplitMix64(seed: 0x4D59_4552 &+ batch)
        for _ in 0..<500 {
            let alphabet = Int.random(in: 1...4, using: &random)
            let old = (0..<Int.random(in: 0...12, using: &random)).map { _ in Int.random(in: 0..<alphabet, using: &random) }
            let new = (0..<Int.random(in: 0...12, using: &random)).map { _ in Int.random(in: 0..<alphabet, using: &random) }
            let hunks = LineDiff.hunks(old, new)
            #expect(LineDiffTests.apply(hunks, old, new) == new, "\(old) -> \(new)")
            #expect(LineDiffTests.editCount(hunks) == old.count + new.count - 2 * LineDiffTests.lcsLength(old, new),
                    "\(old) -> \(new)")
            // Hunks are in order and separated by at least one kept element.
            for (a, b) in zip(hunks, hunks.dropFirst()) {
                #expect(a.oldRange.upperBound < b.oldRange.lowerBound || a.newRange.upperBound < b.newRange.lowerBound)
            }
        }
    }

    @Test func myersPaperExample() {
        // ABCABBA -> CBABAC has an edit distance of 5 (Myers 1986, figure 1).
        let old = [0, 1, 2, 0, 1, 1, 0]
        let new = [2, 1, 0, 1, 0, 2]
        #expect(LineDiffTests.editCount(LineDiff.hunks(old, new)) == 5)
    }

    @Test func emptyAndIdenticalSequences() {
        #expect(LineDiff.hunks([], []).isEmpty)
        #expect(LineDiff.hunks([1, 2, 3], [1, 2, 3]).isEmpty)
        #expect(LineDiff.hunks([], [1, 2]) == [DiffHunk(oldRange: 0..<0, newRange: 0..<2)])
        #expect(LineDiff.hunks([1, 2], []) == [DiffHunk(oldRange: 0..<2, newRange: 0..<0)])
    }

    @Test func oneChangedLineIsOneReplaceHunk() {
        #expect(LineDiff.hunks([1, 2, 3], [1, 9, 3]) == [DiffHunk(oldRange: 1..<2, newRange: 1..<2)])
    }

    @Test func appendingARepeatedLinePlacesItLast() {
        // Like git after sliding: a second blank line after a blank line is an insertion at the end.
        #expect(LineDiff.hunks([1, 0], [1, 0, 0]) == [DiffHunk(oldRange: 2..<2, newRange: 2..<3)])
    }
}
