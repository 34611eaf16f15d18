import Foundation
import NoteKit
@testable import MergeKit
import Testing

/// Edges of the entry merge the golden fixtures do not show on their own.
@Suite("EntryMerger edges")
struct MergeEntryTests {
    static let laptop = MergeFixtures.laptop
    static let desk = MergeFixtures.desk

    static func merge(_ path: String = "days/2026/2026-11-22.md", base: String?, first: String?, second: String?) -> EntryMergeResult {
        EntryMerger.merge(path: path, base: base.map { Data($0.utf8) }, first: first.map { Data($0.utf8) },
                          second: second.map { Data($0.utf8) }, firstSide: laptop, secondSide: desk)
    }

    static func text(_ result: EntryMergeResult) -> String? {
        result.merged.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("the other version lies beside the file with the device in its name",
          arguments: [("days/2026/2026-11-22.md", "days/2026/2026-11-22.conflict-laptop.md"),
                      ("hearth.yaml", "hearth.conflict-laptop.yaml"),
                      (".gitignore", ".gitignore.conflict-laptop"),
                      ("notes/v1.2/README", "notes/v1.2/README.conflict-laptop"),
                      ("notes/a.b.md", "notes/a.b.conflict-laptop.md")])
    func conflictPath(path: String, expected: String) {
        let result = EntryMerger.merge(path: path, base: Data("x\n".utf8), first: Data("a\0".utf8), second: Data("b\n".utf8),
                                       firstSide: MergeEntryTests.laptop, secondSide: MergeEntryTests.desk)
        #expect(result.extraFiles == [ExtraFile(path: expected, data: Data("a\0".utf8))])
        #expect(result.merged == Data("b\n".utf8))
        #expect(result.conflicts.first?.first.value == expected)
        #expect(result.conflicts.first?.second.value == path)
    }

    @Test func aBinaryFileOnlyOneSideChangedIsTakenAsIs() {
        let binary = Data([0x00, 0x01, 0xFF])
        let result = EntryMerger.merge(path: "a.md", base: Data("x\n".utf8), first: Data("x\n".utf8), second: binary,
                                       firstSide: MergeEntryTests.laptop, secondSide: MergeEntryTests.desk)
        #expect(result == EntryMergeResult(merged: binary))
    }

    @Test func aFileAddedOnOneSideOnlyIsTaken() {
        #expect(MergeEntryTests.merge(base: nil, first: nil, second: "new\n") == EntryMergeResult(merged: Data("new\n".utf8)))
        #expect(MergeEntryTests.merge(base: nil, first: "new\n", second: nil) == EntryMergeResult(merged: Data("new\n".utf8)))
    }

    @Test func aBaseThatDoesNotParseWhileBothChangedIsAFileConflict() {
        let result = MergeEntryTests.merge(base: "---\nenergy: [3\n---\n", first: "---\nenergy: 3\n---\na\n", second: "---\nenergy: 4\n---\n")
        #expect(result.conflicts.map(\.kind) == [.file])
        #expect(MergeEntryTests.text(result) == "---\nenergy: 4\n---\n")
    }

    @Test func entriesWithoutFrontMatterMergeAsText() {
        let result = MergeEntryTests.merge("notes/plain.md", base: "# Title\n\nbody\n", first: "# Title\n\nbody\nmore\n",
                                           second: "# New title\n\nbody\n")
        #expect(MergeEntryTests.text(result) == "# New title\n\nbody\nmore\n")
        #expect(result.conflicts.isEmpty)
    }

    @Test func frontMatterRemovedOnOneSideKeepsWhatTheOtherChanged() {
        let base = "---\nkind: day\nenergy: 3\n---\nbody\n"
        let result = MergeEntryTests.merge(base: base, first: "body\n", second: "---\nkind: day\nenergy: 4\n---\nbody\n")
        #expect(MergeEntryTests.text(result) == "---\nenergy: 4\n---\nbody\n")
        #expect(result.conflicts.map(MergeFixtures.render) == ["field energy kept=desk laptop=(deleted) desk=\"4\""])
    }

    @Test func frontMatterAddedOnOneSideWhileTheOtherEditsTheBody() {
        let result = MergeEntryTests.merge("notes/n.md", base: "one\ntwo\n", first: "---\ntags: [x]\n---\none\ntwo\n", second: "one\ntwo\nthree\n")
        #expect(MergeEntryTests.text(result) == "---\ntags: [x]\n---\none\ntwo\nthree\n")
    }

    @Test func aKeyDeletedOnOneSideAndEmptiedOnTheOtherIsNoConflict() {
        let result = MergeEntryTests.merge(base: "---\nenergy: 3\nmood: 2\n---\n", first: "---\nmood: 2\n---\n",
                                           second: "---\nenergy:\nmood: 2\n---\n")
        #expect(result.conflicts.isEmpty)
        #expect(MergeEntryTests.text(result) == "---\nenergy:\nmood: 2\n---\n")
    }

    @Test func mergedBlockListsKeepCRLF() {
        let base = "---\r\ntags:\r\n  - a\r\n---\r\n"
        let result = MergeEntryTests.merge(base: base, first: "---\r\ntags:\r\n  - a\r\n  - b\r\n---\r\n",
                                           second: "---\r\ntags:\r\n  - a\r\n  - c\r\n---\r\n")
        #expect(MergeEntryTests.text(result) == "---\r\ntags:\r\n  - a\r\n  - b\r\n  - c\r\n---\r\n")
    }

    @Test func nestedMapsMergeInBlockStyleAtTheirOwnIndentation() {
        let base = "---\nmeta:\n    source: obsidian\n    nested:\n        deep: true\n---\n"
        let first = "---\nmeta:\n    source: hearth\n    nested:\n        deep: true\n---\n"
        let second = "---\nmeta:\n    source: obsidian\n    nested:\n        deep: false\n        list: [a, b]\n---\n"
        let result = MergeEntryTests.merge(base: base, first: first, second: second)
        #expect(MergeEntryTests.text(result)
                == "---\nmeta:\n    source: hearth\n    nested:\n        deep: false\n        list: [a, b]\n---\n")
        #expect(result.conflicts.isEmpty)
    }

    @Test func aFlowMapMergesAsAFlowMap() {
        let result = MergeEntryTests.merge(base: "---\nm: {a: 1, b: 2}\n---\n", first: "---\nm: {a: 5, b: 2}\n---\n",
                                           second: "---\nm: {a: 1, b: 7}\n---\n")
        #expect(MergeEntryTests.text(result) == "---\nm: {a: 5, b: 7}\n---\n")
    }

    @Test func listsKeepRepeatedValues() {
        let values = { (texts: [String]) in texts.map { YAMLValue.plain($0) } }
        // WHO-5 answers repeat; a set merge would collapse them.
        #expect(FieldMerger.mergeList(base: [], first: values(["3", "4", "3", "2", "4"]), second: [])
                == values(["3", "4", "3", "2", "4"]))
        // A value both sides added appears once; a value either removed is gone.
        #expect(FieldMerger.mergeList(base: values(["a", "b"]), first: values(["a", "b", "c"]), second: values(["b", "c"]))
                == values(["b", "c"]))
    }

    @Test func aScalarTurnedIntoAListOnOneSideAndChangedOnTheOtherIsAFieldConflict() {
        let result = MergeEntryTests.merge(base: "---\ntags: a\n---\n", first: "---\ntags: [a, b]\n---\n", second: "---\ntags: c\n---\n")
        #expect(result.conflicts.map(MergeFixtures.render) == ["field tags kept=desk laptop=\"[a, b]\" desk=\"c\""])
        #expect(MergeEntryTests.text(result) == "---\ntags: c\n---\n")
    }

    @Test func aConflictAtTheEndOfAFileWithoutFinalNewlineGetsWholeLines() {
        let result = MergeEntryTests.merge("notes/n.md", base: "a\nb", first: "a\nc", second: "a\nd")
        #expect(MergeEntryTests.text(result) == """
            a
            <!-- hearth:conflict laptop 2026-11-22T10:15Z -->
            c
            <!-- hearth:conflict desk 2026-11-22T10:17Z -->
            d
            <!-- hearth:conflict end -->

            """)
    }

    @Test func insertionsAtTheStartOfAnotherSidesChangeBothApply() {
        // The insertion touches the changed range without lying strictly inside it.
        let result = MergeEntryTests.merge("notes/n.md", base: "a\nb\nc\n", first: "a\nnew\nb\nc\n", second: "a\nB\nc\n")
        #expect(MergeEntryTests.text(result) == "a\nnew\nB\nc\n")
        #expect(result.conflicts.isEmpty)
    }

    @Test func anInsertionInsideAnotherSidesChangeIsAConflict() {
        let result = MergeEntryTests.merge("notes/n.md", base: "a\nb\nc\nd\n", first: "a\nb\nnew\nc\nd\n", second: "a\nB\nC\nd\n")
        #expect(result.conflicts.map(\.kind) == [.text])
        #expect(result.conflicts.first?.first.value == "b\nnew\nc\n")
        #expect(result.conflicts.first?.second.value == "B\nC\n")
    }

    @Test func markerTimesAreUTCMinutes() {
        let side = MergeSide(device: "phone", time: MergeFixtures.time("2026-03-29T01:59:59Z"))
        #expect(ConflictMarker.opening(side, newline: "\n") == "<!-- hearth:conflict phone 2026-03-29T01:59Z -->\n")
    }

    @Test func conflictRecordsRoundTripThroughJSON() throws {
        let result = MergeEntryTests.merge(base: "---\nenergy: 3\n---\nx\n", first: "---\nenergy: 2\n---\ny\n", second: "---\nenergy: 4\n---\nz\n")
        #expect(result.conflicts.map(\.kind) == [.field, .text])
        let data = try JSONEncoder().encode(result.conflicts)
        #expect(try JSONDecoder().decode([MergeConflict].self, from: data) == result.conflicts)
    }
}
