import Foundation
@testable import MergeKit
import NoteKit
import Testing

@Suite("LineDiff on long inputs")
struct MergeLongDiffTests {
    @Test func aWholeFileRewrittenOnOneSideAndAppendedOnTheOther() {
        // A newline conversion touches every line: the diff must stay linear in memory. The
        // merged file keeps the base's ending (merge.md), with both sides' lines.
        let lines = (0..<3000).map { "line \($0)" }
        let base = lines.map { $0 + "\n" }.joined()
        let first = lines.map { $0 + "\r\n" }.joined()
        let second = base + "appended\n"
        let result = EntryMerger.merge(path: "notes/long.md", base: Data(base.utf8), first: Data(first.utf8),
                                       second: Data(second.utf8), firstSide: MergeFixtures.laptop, secondSide: MergeFixtures.desk)
        #expect(result.merged == Data((base + "appended\n").utf8))
        #expect(result.conflicts.isEmpty)
    }

    @Test func interleavedChangesInALongSequenceStayMinimal() {
        let old = Array(0..<2000)
        let new = old.map { $0 % 7 == 0 ? -$0 - 1 : $0 }
        let hunks = LineDiff.hunks(old, new)
        #expect(hunks.count == old.filter { $0 % 7 == 0 }.count)
        #expect(hunks.allSatisfy { $0.oldRange.count == 1 && $0.newRange.count == 1 })
    }
}
