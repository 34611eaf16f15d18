import Foundation
import MergeKit
import Testing

@Suite("EntryMerger golden fixtures")
struct MergeFixtureTests {
    @Test func everyRequiredCaseIsThere() {
        #expect(MergeFixtures.caseNames.count >= 24, "\(MergeFixtures.directory.path)")
    }

    @Test("fixture", arguments: MergeFixtures.caseNames)
    func fixture(name: String) throws {
        let fixture = try MergeFixtureCase(name: name)
        let result = EntryMerger.merge(path: fixture.path, base: fixture.base, first: fixture.first, second: fixture.second,
                                       firstSide: MergeFixtures.laptop, secondSide: MergeFixtures.desk)
        // Text first, so a failure shows a readable difference; then the exact bytes.
        #expect(result.merged.map { String(decoding: $0, as: UTF8.self) } == fixture.expected.map { String(decoding: $0, as: UTF8.self) })
        #expect(result.merged == fixture.expected)
        #expect(result.conflicts.map(MergeFixtures.render) == fixture.expectedConflicts)
        #expect(Dictionary(uniqueKeysWithValues: result.extraFiles.map { ($0.path, $0.data) }) == fixture.expectedExtra)
        for conflict in result.conflicts {
            #expect(conflict.path == fixture.path)
            #expect(conflict.first.time == MergeFixtures.laptop.time && conflict.second.time == MergeFixtures.desk.time)
        }
        let again = EntryMerger.merge(path: fixture.path, base: fixture.base, first: fixture.first, second: fixture.second,
                                      firstSide: MergeFixtures.laptop, secondSide: MergeFixtures.desk)
        #expect(again == result, "the merge is deterministic")
    }
}
