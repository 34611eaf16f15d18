import Foundation
import GitKit
import HistoryKit
import NoteKit
import TestSupport
import Testing

/// ``NotebookHistory/version(of:at:)`` and ``NotebookHistory/commit(at:)``: an entry's bytes
/// at a time or a commit, under the name it had then.
@Suite struct NotebookHistoryVersionTests {
    static let today = LocalDate("2026-11-30")!

    func point(_ text: String) -> HistoryPoint { HistoryPoint(text, today: Self.today) }

    /// A time between two commits finds the version the earlier one made, under the name the
    /// entry had before its rename.
    @Test func aTimeBetweenCommitsFindsTheNewestVersionByThen() throws {
        try Sandbox.withRepository { repository in
            let story = try HistoryStory.tell(in: repository)
            let history = try repository.history()
            let version = try history.version(of: HistoryStory.plans, at: point("2026-11-19T18:00"))
            #expect(version.commit.id.description == story.edited)
            #expect(version.path == HistoryStory.ideas)
            #expect(version.bytes == Data(HistoryStory.second.utf8))
            // The rename changed no bytes: at its day the entry is still the desk's version, now
            // in the rename's commit under the new name.
            let renamed = try history.version(of: HistoryStory.plans, at: point("2026-11-20"))
            #expect(renamed.bytes == Data(HistoryStory.second.utf8))
            #expect(try history.version(of: HistoryStory.plans, at: point("today")).bytes == Data(HistoryStory.fourth.utf8))
        }
    }

    @Test func aRevisionFindsTheVersionInThatCommitUnderItsNameThere() throws {
        try Sandbox.withRepository { repository in
            let story = try HistoryStory.tell(in: repository)
            let history = try repository.history()
            let first = try history.version(of: HistoryStory.plans, at: .revision(String(story.added.prefix(8))))
            #expect(first.commit.id.description == story.added && first.path == HistoryStory.ideas)
            #expect(first.bytes == Data(HistoryStory.first.utf8))
            let again = try history.version(of: HistoryStory.day, at: .revision("HEAD"))
            #expect(again.bytes == Data(HistoryStory.dayAgain.utf8))
            let before = try history.version(of: HistoryStory.day, at: .revision("HEAD~2"))
            #expect(before.commit.id.description == story.reworded && before.bytes == Data(HistoryStory.dayFirst.utf8))
        }
    }

    /// The commit at a time is the newest recorded at or before it: a commit at 12:00 is there
    /// at 12:00, not at 11:59 (the whole minute named counts).
    @Test func theCommitAtATimeIncludesThatMinute() throws {
        try Sandbox.withRepository { repository in
            let story = try HistoryStory.tell(in: repository)
            let history = try repository.history()
            #expect(try history.commit(at: point("2026-11-20T12:00")).id.description == story.renamed)
            #expect(try history.commit(at: point("2026-11-20T11:59")).id.description == story.edited)
            #expect(try history.commit(at: point("2026-11-18")).id.description == story.added)
        }
    }

    /// A change is dated on the clock of the device that made it: written at 22:00 on the 20th
    /// in Los Angeles (06:00 UTC on the 21st), it is the entry's version on the 20th, wherever
    /// the reader is.
    @Test func aCommitCountsOnTheClockOfItsDevice() throws {
        try Sandbox.withRepository { repository in
            try repository.write(HistoryStory.plans, HistoryStory.first)
            let morning = try repository.commit("laptop: add \(HistoryStory.plans)", at: "2026-11-20T08:00:00-08:00")
            try repository.write(HistoryStory.plans, HistoryStory.second)
            let evening = try repository.commit("laptop: edit \(HistoryStory.plans)", at: "2026-11-20T22:00:00-08:00")
            let history = try repository.history()
            let events = try history.events()
            #expect(events.map(\.timeZoneOffsetMinutes) == [-480, -480])
            #expect(try events.first?.date == HistoryStory.date("2026-11-21T06:00:00Z"))
            let version = try history.version(of: HistoryStory.plans, at: point("2026-11-20"))
            #expect(version.commit.id.description == evening)
            #expect(try history.version(of: HistoryStory.plans, at: point("2026-11-20T21:59")).commit.id.description == morning)
        }
    }
}
