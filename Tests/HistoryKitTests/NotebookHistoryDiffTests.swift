import Foundation
import HistoryKit
import MergeKit
import NoteKit
import TestSupport
import Testing

/// ``NotebookHistory/changes(since:following:)``: from a point in history to the files as they
/// are now, uncommitted edits included.
@Suite struct NotebookHistoryDiffTests {
    static let today = LocalDate("2026-11-30")!

    /// Since the desk's edit the entry was renamed and edited: one rename, with the field and
    /// the lines that changed; the day written anew is an edit of the day it replaced.
    @Test func sinceACommitARenameIsPairedAndTellsFieldsAndLines() throws {
        try Sandbox.withRepository { repository in
            let story = try HistoryStory.tell(in: repository)
            let changes = try repository.history().changes(since: .revision(story.edited))
            #expect(changes.map(\.path) == [HistoryStory.day, HistoryStory.plans])
            #expect(changes.map(\.status) == [.edit, .rename])
            let plans = try #require(changes.last)
            #expect(plans.oldPath == HistoryStory.ideas)
            #expect(plans.fields.map(\.key) == ["energy"])
            #expect(plans.fields.first?.old == "4" && plans.fields.first?.new == "2")
            #expect(plans.lines.map(\.text) == ["first thought", "third thought"])
            #expect(plans.lines.map(\.added) == [false, true])
            #expect(plans.words == "rename \(HistoryStory.ideas) -> \(HistoryStory.plans): energy 4 -> 2, body +1 -1")
            #expect(changes.first?.lines.map(\.text) == ["- 09:00 walk", "- 10:00 swim"])
        }
    }

    /// With no point, the comparison is with the last commit: edits not yet committed and new
    /// files count; an editor's swap file does not.
    @Test func uncommittedEditsAndNewFilesAreChangesButEditorArtefactsAreNot() throws {
        try Sandbox.withRepository { repository in
            _ = try HistoryStory.tell(in: repository)
            let history = try repository.history()
            #expect(try history.changes(since: nil).isEmpty)
            try repository.write(HistoryStory.plans, HistoryStory.fourth.replacingOccurrences(of: "energy: 2", with: "energy: 5"))
            try repository.write("notes/new.md", "new\n")
            try repository.write("notes/.plans.md.swp", "vim's swap\n")
            let changes = try history.changes(since: nil)
            #expect(changes.map(\.path) == ["notes/new.md", HistoryStory.plans])
            #expect(changes.map(\.status) == [.add, .edit])
            #expect(changes.last?.words == "edit \(HistoryStory.plans): energy 2 -> 5")
        }
    }

    /// One entry since a time is compared with its version then, under the name it had: a
    /// rename; an entry that did not exist then is an addition.
    @Test func oneEntrySinceATimeIsComparedUnderItsNameThen() throws {
        try Sandbox.withRepository { repository in
            _ = try HistoryStory.tell(in: repository)
            let history = try repository.history()
            let point = HistoryPoint("2026-11-19T18:00", today: Self.today)
            let plans = try history.changes(since: point, following: HistoryStory.plans)
            #expect(plans.map(\.status) == [.rename])
            #expect(plans.first?.oldPath == HistoryStory.ideas && plans.first?.path == HistoryStory.plans)
            let gap = HistoryPoint("2026-11-22T18:00", today: Self.today)
            let day = try history.changes(since: gap, following: HistoryStory.day)
            #expect(day.map(\.status) == [.add])
            #expect(try history.changes(since: HistoryPoint("2026-11-23", today: Self.today), following: HistoryStory.day).isEmpty)
        }
    }

    /// The notebook at a time, as a whole: each file as the newest commit by then left it, and
    /// a file moved since then and not yet committed is one rename.
    @Test func theWholeNotebookSinceATimeWithAnUncommittedMove() throws {
        try Sandbox.withRepository { repository in
            _ = try HistoryStory.tell(in: repository)
            try repository.git("mv", HistoryStory.plans, "notes/later.md")
            let changes = try repository.history().changes(since: HistoryPoint("2026-11-21T12:00", today: Self.today))
            #expect(changes.map(\.status) == [.edit, .rename])
            #expect(changes.map(\.path) == [HistoryStory.day, "notes/later.md"])
            #expect(changes.last?.oldPath == HistoryStory.plans && changes.last?.lines.isEmpty == true)
        }
    }
}
