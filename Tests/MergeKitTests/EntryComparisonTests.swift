import Foundation
import NoteKit
@testable import MergeKit
import Testing

/// Two versions of an entry told in words, as `hearth log` and `hearth diff` print them.
@Suite struct EntryComparisonTests {
    func change(_ old: String?, _ new: String?, status: EntryChange.Status = .edit) -> EntryChange {
        EntryComparison.change(status, path: "days/2026/2026-11-22.md", old: old.map { Data($0.utf8) }, new: new.map { Data($0.utf8) })
    }

    @Test func scalarsListsAndEmptyValuesAreToldInWords() {
        let old = "---\nkind: day\nenergy: 3\nmood:\nsick: true\ntags: [deadline, travel]\n---\nbody\n"
        let new = "---\nkind: day\nenergy: 2\nmood: 4\ntags: [travel, family]\n---\nbody\n"
        let change = change(old, new)
        #expect(change.fields.map(\.words) == ["energy 3 -> 2", "mood = 4", "tags +family -deadline", "sick removed (was true)"])
        #expect(change.lines.isEmpty)
        #expect(change.words == "edit days/2026/2026-11-22.md: energy 3 -> 2, mood = 4, tags +family -deadline, sick removed (was true)")
    }

    @Test func onlyTheSpellingChangingIsNoChange() {
        let flow = "---\nenergy: 3\ntags: [a, b]\nbedtime: \"23:30\"\n---\n"
        let block = "---\nenergy: '3'\ntags:\n  - a\n  - b\nbedtime: '23:30'\n---\n"
        #expect(change(flow, block).fields.isEmpty)
        #expect(change(flow, block).words == "edit days/2026/2026-11-22.md")
        // Reordering a list does change it, though no item came or went.
        let reordered = change("---\ntags: [a, b]\n---\n", "---\ntags: [b, a]\n---\n")
        #expect(reordered.fields.map(\.words) == ["tags [a, b] -> [b, a]"])
    }

    @Test func bodyLinesComeInDiffOrderWithCounts() {
        let old = "---\nkind: day\n---\n## Log\n- 09:00 coffee\n- 10:00 standup\n## Notes\n"
        let new = "---\nkind: day\n---\n## Log\n- 09:00 tea\n- 10:00 standup\n- 11:00 review\n## Notes\n"
        let change = change(old, new)
        #expect(change.lines == [
            BodyLine(added: false, text: "- 09:00 coffee"), BodyLine(added: true, text: "- 09:00 tea"),
            BodyLine(added: true, text: "- 11:00 review"),
        ])
        #expect(change.words == "edit days/2026/2026-11-22.md: body +2 -1")
        #expect(self.change(new, old).words == "edit days/2026/2026-11-22.md: body +1 -2")
    }

    @Test func addedAndDeletedEntriesCountTheirLines() {
        let text = "---\nkind: day\nenergy: 2\n---\none\ntwo\n"
        #expect(change(nil, text, status: .add).words == "add days/2026/2026-11-22.md: kind = day, energy = 2, 2 lines")
        #expect(change(text, nil, status: .delete).words == "delete days/2026/2026-11-22.md: 2 lines")
    }

    @Test func onlyTheLineEndingsChangingIsSaidSo() {
        let unix = "---\nenergy: 3\n---\none\ntwo\n"
        let windows = unix.replacingOccurrences(of: "\n", with: "\r\n")
        let change = change(unix, windows)
        #expect(change.lines.isEmpty && change.fields.isEmpty)
        #expect(change.words == "edit days/2026/2026-11-22.md: line endings LF -> CRLF")
        #expect(self.change(windows, unix).lineEndings == "CRLF -> LF")
        #expect(self.change(unix, "---\nenergy: 3\n---\none\r\ntwo\n").lineEndings == "LF -> mixed")
        // With a real edit too: the edit shows, the unchanged lines do not.
        let edited = self.change(unix, windows.replacingOccurrences(of: "energy: 3", with: "energy: 4").replacingOccurrences(of: "two", with: "three"))
        #expect(edited.words == "edit days/2026/2026-11-22.md: energy 3 -> 4, body +1 -1, line endings LF -> CRLF")
        #expect(edited.lines == [BodyLine(added: false, text: "two"), BodyLine(added: true, text: "three")])
    }

    @Test func similarityCountsSharedLinesAgainstTheLongerVersion() {
        let four = Data("a\nb\nc\nd\n".utf8)
        #expect(EntryComparison.similarity(four, four) == 1)
        #expect(EntryComparison.similarity(four, Data("a\nb\nx\ny\n".utf8)) == 0.5)
        #expect(EntryComparison.similarity(four, Data("a\n".utf8)) == 0.25)
        #expect(EntryComparison.similarity(four, Data()) == 0)
    }

    @Test func binaryAndUnparsableVersionsNeverCrash() {
        let binary = EntryComparison.change(.edit, path: "pic.md", old: Data([0x89, 0x50, 0x00, 0x01]), new: Data("---\na: 1\n---\n".utf8))
        #expect(binary.isBinary && binary.fields.isEmpty && binary.lines.isEmpty)
        #expect(binary.words == "edit pic.md: binary file")
        // Text that is not UTF-8 (Latin-1 `café`) is still text: its lines show, the odd byte as U+FFFD.
        let latin1 = EntryComparison.change(.edit, path: "x.md", old: Data([0x63, 0x61, 0x66, 0xE9, 0x0A]), new: Data("cafe\n".utf8))
        #expect(!latin1.isBinary)
        #expect(latin1.lines == [BodyLine(added: false, text: "caf\u{FFFD}"), BodyLine(added: true, text: "cafe")])
        // Front-matter that does not parse is compared as text: its lines still show.
        let broken = change("---\nenergy: [3\n---\nbody\n", "---\nenergy: [4\n---\nbody\n")
        #expect(broken.fields.isEmpty)
        #expect(broken.lines == [BodyLine(added: false, text: "energy: [3"), BodyLine(added: true, text: "energy: [4")])
    }
}
