import Foundation
import MergeKit
@testable import SyncKit
import Testing

/// The rules that tell a save from a stale editor buffer (loaded before a sync rewrote the file)
/// from a save made after the synced lines were seen.
@Suite struct StaleSaveTests {
    static let path = "days/2026/2026-11-22.md"
    static let replaced = SyncStaleSaveTests.day
    /// What the sync wrote: the other device's line under Done.
    static let written = replaced.replacingOccurrences(of: "- wrote the intro\n", with: "- wrote the intro\n- laptop: fixed the bike\n")

    func judge(_ saved: String, replaced: String = replaced, written: String = written, path: String = path) -> StaleSave.Verdict {
        StaleSave.judge(path: path, replaced: Data(replaced.utf8), written: Data(written.utf8), saved: Data(saved.utf8),
                        synced: MergeSide(device: "synced", time: Date(timeIntervalSince1970: 0)),
                        local: MergeSide(device: "desk", time: Date(timeIntervalSince1970: 1)))
    }

    func merged(_ verdict: StaleSave.Verdict) -> String? {
        guard case .merged(let result) = verdict, let data = result.merged else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theReplacedBytesPlusAnEditAreMergedWithTheSyncedLines() throws {
        let saved = Self.replaced.replacingOccurrences(of: "Morning walk.\n", with: "Morning walk.\nEvening swim.\n")
        let text = try #require(merged(judge(saved)))
        #expect(text == Self.written.replacingOccurrences(of: "Morning walk.\n", with: "Morning walk.\nEvening swim.\n"))
    }

    @Test func anEditRightWhereTheSyncAddedItsLineStillKeepsBoth() throws {
        // Both appended to Done: concurrent insertions, the synced line first.
        let saved = Self.replaced.replacingOccurrences(of: "- wrote the intro\n", with: "- wrote the intro\n- desk: groceries\n")
        let text = try #require(merged(judge(saved)))
        #expect(text.contains("- wrote the intro\n- laptop: fixed the bike\n- desk: groceries\n"))
    }

    @Test func aFieldChangedInTheStaleBufferIsMergedToo() throws {
        let saved = Self.replaced.replacingOccurrences(of: "energy: 3", with: "energy: 4")
        let text = try #require(merged(judge(saved)))
        #expect(text == Self.written.replacingOccurrences(of: "energy: 3", with: "energy: 4"))
    }

    @Test func deletingTheSyncedLineAfterSeeingItIsADeliberateDeletion() {
        // The save is what sync wrote minus its line: byte for byte the replaced version.
        #expect(judge(Self.replaced) == .asSaved)
        // Minus its line and another: still only deletions from what sync wrote.
        #expect(judge(Self.replaced.replacingOccurrences(of: "Morning walk.\n", with: "")) == .asSaved)
    }

    @Test func onlyASaveThatKeepsEveryLineTheSyncAddedHasSeenIt() throws {
        let written = Self.written.replacingOccurrences(of: "Morning walk.\n", with: "Morning walk.\n- laptop: called Sam\n")
        #expect(judge(written.replacingOccurrences(of: "energy: 3", with: "energy: 5"), written: written) == .asSaved)
        // One of the two lines may be one the buffer's user typed too: the other comes back
        // (bytes cannot tell it from a line deleted along with another edit after a reload).
        let saved = Self.replaced.replacingOccurrences(of: "Morning walk.\n", with: "Morning walk.\n- laptop: called Sam\n")
            .replacingOccurrences(of: "energy: 3", with: "energy: 5")
        let text = try #require(merged(judge(saved, written: written)))
        #expect(text.contains("- laptop: fixed the bike\n") && text.contains("energy: 5"), "\(text)")
    }

    @Test func editingTheSyncedLineIsNotAStaleSave() {
        // The user fixed the other device's line: at its place, a line much like it.
        let saved = Self.replaced.replacingOccurrences(of: "- wrote the intro\n", with: "- wrote the intro\n- laptop: fixed the bikes\n")
        #expect(judge(saved) == .asSaved)
        #expect(StaleSave.likeness("- laptop: fixed the bike\n", "- laptop: fixed the bikes\n") > StaleSave.editedLikeness)
        #expect(StaleSave.likeness("- desk: fixed the bike", "- laptop: evening swim") < StaleSave.editedLikeness)
    }

    @Test func aStaleLineLikeOneOfTwoSyncedLinesKeepsBoth() throws {
        // Found by the 60-minute soak: the stale buffer's new line is 62% alike to one of the two
        // lines the sync brought, and the other synced line has no counterpart in the save, so the
        // buffer never saw the sync. Before, the save was committed as it was and both were lost.
        let synced = "- wrote the intro\n- desk 000585 tea coffee walk\n- phone 000592 dinner music rain tea review coffee\n"
        let written = Self.replaced.replacingOccurrences(of: "- wrote the intro\n", with: synced)
        let line = "- laptop 000640 run run music tea review\n"
        #expect(StaleSave.likeness("- phone 000592 dinner music rain tea review coffee", line) > 0.6)
        let saved = Self.replaced.replacingOccurrences(of: "- wrote the intro\n", with: "- wrote the intro\n" + line)
        let text = try #require(merged(judge(saved, written: written)))
        #expect(text.contains(synced) && text.contains(line), "\(text)")
        // Every synced line edited in its place (the buffer saw the sync): committed as saved.
        let edited = written.replacingOccurrences(of: "walk\n", with: "walks\n").replacingOccurrences(of: "coffee\n", with: "coffees\n")
        #expect(judge(edited, written: written) == .asSaved)
    }

    @Test func aSaveThatChangesWhatTheSyncChangedIsMergedWithAConflict() throws {
        // The synced side rewrote a line the stale buffer rewrote too: both stay, in a conflict.
        let written = Self.replaced.replacingOccurrences(of: "Morning walk.\n", with: "Rain all day.\n- laptop: umbrella\n")
        let saved = Self.replaced.replacingOccurrences(of: "Morning walk.\n", with: "Swam in the lake.\n")
        guard case .merged(let result) = judge(saved, written: written) else {
            Issue.record("not merged")
            return
        }
        #expect(result.conflicts.count == 1)
        let text = try #require(merged(.merged(result)))
        for line in ["Rain all day.\n", "- laptop: umbrella\n", "Swam in the lake.\n", "<!-- hearth:conflict end -->\n"] {
            #expect(text.contains(line), "\(line.debugDescription) lost:\n\(text)")
        }
    }

    @Test func anotherTextSavedOverTheEntryIsLeftAlone() {
        // Another text saved over it is no edit of the replaced version, although the section
        // merge could combine them.
        #expect(judge("---\nkind: note\n---\nshopping list\n") == .asSaved)
        #expect(judge("---\nkind: day\n---\n## Done\nshopping list\n") == .asSaved)
    }

    @Test func aSyncThatOnlyRemovedLinesLeavesNothingToKeep() {
        let written = Self.replaced.replacingOccurrences(of: "Morning walk.\n", with: "")
        #expect(judge(Self.replaced + "more\n", written: written) == .asSaved)
    }

    @Test func filesThatAreNotTextOrDoNotParseAreLeftAlone() {
        let broken = Self.replaced.replacingOccurrences(of: "energy: 3", with: "energy: [3") + "Evening swim.\n"
        #expect(judge(broken) == .asSaved)
        #expect(judge(Self.replaced + "\u{0}binary\n") == .asSaved)
        // The same edit in a text file that is not an entry merges by line.
        let saved = "a\nb\n"
        #expect(merged(judge(saved + "c\n", replaced: saved, written: "a\nsynced\nb\n", path: "notes.txt")) == "a\nsynced\nb\nc\n")
    }
}
