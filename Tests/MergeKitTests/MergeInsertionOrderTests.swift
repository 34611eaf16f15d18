import Foundation
import MergeKit
import NoteKit
import Testing
import TestSupport

/// Two sides inserting at the same place in a list (a block list, a flow list, the body's lines)
/// keep each side's items in that side's order, the first side's (in canonical order) before the
/// second's, so every device that merges the two gets the same order (merge.md: "A's then B's").
@Suite("Insertions at one place")
struct MergeInsertionOrderTests {
    /// One random case: a base list, one gap, a run of new items per side at that gap, and a base
    /// item each side may remove away from the gap.
    struct Case {
        var base: [String]
        var first: [String]
        var second: [String]
        var gap: Int
        var firstRun: [String]
        var secondRun: [String]
        var removed: [Int?]

        init(random: inout SplitMix64, round: Int) {
            let base = (0..<Int.random(in: 0...6, using: &random)).map { "base\($0)" }
            let gap = Int.random(in: 0...base.count, using: &random)
            self.base = base
            self.gap = gap
            firstRun = (0..<Int.random(in: 1...3, using: &random)).map { "a\(round)n\($0)" }
            secondRun = (0..<Int.random(in: 1...3, using: &random)).map { "b\(round)n\($0)" }
            // A removal next to the gap would move that side's run into the removed item's place.
            let away = base.indices.filter { $0 < gap - 1 || $0 > gap }
            removed = [away.randomElement(using: &random), away.randomElement(using: &random)]
            first = []
            second = []
            first = edited(firstRun, removing: removed[0])
            second = edited(secondRun, removing: removed[1])
        }

        private func edited(_ run: [String], removing index: Int?) -> [String] {
            var items = base
            items.insert(contentsOf: run, at: gap)
            if let index { items.remove(at: index < gap ? index : index + run.count) }
            return items
        }

        /// The merged list: the base items neither side removed, and at the gap the runs in the
        /// given order.
        func expected(_ runs: [String]...) -> [String] {
            let kept = base.indices.filter { !removed.contains($0) }.map { base[$0] }
            let before = base[..<gap].filter(kept.contains)
            return before + runs.joined() + kept.dropFirst(before.count)
        }

        /// The entry with `items` as a block list, a flow list and body lines.
        func entry(_ items: [String]) -> Data {
            let block = items.isEmpty ? "tags: []\n" : "tags:\n" + items.map { "  - \($0)\n" }.joined()
            return Data(("---\nkind: day\n" + block + "places: [" + items.joined(separator: ", ") + "]\nmood: 3\n---\n## Done\n"
                         + items.map { "- \($0)\n" }.joined() + "## Notes\nend\n").utf8)
        }
    }

    @Test("each side's order, first side's run first", arguments: 0..<4 as Range<UInt64>)
    func insertionsAtOnePlace(batch: UInt64) throws {
        var random = SplitMix64(seed: 0x4f52_4445_52 &+ batch)
        for round in 0..<100 {
            let scenario = Case(random: &random, round: round)
            let (base, first, second) = (scenario.entry(scenario.base), scenario.entry(scenario.first), scenario.entry(scenario.second))
            let result = EntryMerger.merge(path: "days/2026/2026-11-22.md", base: base, first: first, second: second,
                                           firstSide: MergeFixtures.laptop, secondSide: MergeFixtures.desk)
            let context = Comment(rawValue: "batch \(batch) round \(round): base \(scenario.base) a \(scenario.first) b \(scenario.second)")
            #expect(result.merged == scenario.entry(scenario.expected(scenario.firstRun, scenario.secondRun)), context)
            #expect(result.conflicts.isEmpty, context)
            // The other canonical order puts the other side's run first: the order between sides
            // follows the sides, not the items.
            let swapped = EntryMerger.merge(path: "days/2026/2026-11-22.md", base: base, first: second, second: first,
                                            firstSide: MergeFixtures.desk, secondSide: MergeFixtures.laptop)
            #expect(swapped.merged == scenario.entry(scenario.expected(scenario.secondRun, scenario.firstRun)), context)
        }
    }
}
