import Foundation
import GitKit
import HistoryKit
import MergeKit
import TestSupport
import Testing

/// ``NotebookHistory/events(following:since:until:limit:)`` and
/// ``NotebookHistory/lastVersion(of:)`` on histories the git CLI wrote.
@Suite struct NotebookHistoryLogTests {
    @Test func everyCommitNewestFirstWithItsDeviceTimeAndSummary() throws {
        try Sandbox.withRepository { repository in
            let story = try HistoryStory.tell(in: repository)
            let events = try repository.history().events()
            #expect(events.map(\.commit.description) == story.newestFirst)
            #expect(events.map(\.device) == ["desk", "desk", "laptop", "laptop", "desk", "laptop"])
            #expect(try events.map(\.date) == (18...23).reversed().map { try HistoryStory.date(HistoryStory.noon($0)) })
            #expect(events.map(\.summary)[3] == "laptop: rename \(HistoryStory.ideas) -> \(HistoryStory.plans)")
            #expect(events.allSatisfy { $0.merge == nil && $0.conflicts.isEmpty })
            // The first commit tells both its entries, in path order.
            #expect(events.last?.changes.map(\.path) == [HistoryStory.day, HistoryStory.ideas])
            #expect(events.last?.changes.map(\.status) == [.add, .add])
        }
    }

    /// An entry's log reaches back past its rename to the commits made under its old name, and
    /// leaves out the commits that touched only other entries.
    @Test func followingAnEntryCrossesItsRename() throws {
        try Sandbox.withRepository { repository in
            let story = try HistoryStory.tell(in: repository)
            let events = try repository.history().events(following: HistoryStory.plans)
            #expect(events.map(\.commit.description) == [story.reworded, story.renamed, story.edited, story.added])
            let changes = events.map { $0.changes.count == 1 ? $0.changes[0] : nil }
            #expect(changes.map { $0?.status } == [.edit, .rename, .edit, .add])
            #expect(changes.map { $0?.path } == [HistoryStory.plans, HistoryStory.plans, HistoryStory.ideas, HistoryStory.ideas])
            #expect(changes[1]?.oldPath == HistoryStory.ideas)
            #expect(changes[1]?.lines.isEmpty == true && changes[1]?.fields.isEmpty == true, "a pure rename changes nothing inside")
        }
    }

    @Test func aDeletedAndRecreatedEntryKeepsItsWholeStory() throws {
        try Sandbox.withRepository { repository in
            let story = try HistoryStory.tell(in: repository)
            let history = try repository.history()
            let events = try history.events(following: HistoryStory.day)
            #expect(events.map(\.commit.description) == [story.recreated, story.deleted, story.added])
            #expect(events.map { $0.changes.map(\.status) } == [[.add], [.delete], [.add]])
            #expect(events[0].changes.first?.lines.map(\.text).contains("- 10:00 swim") == true)
            #expect(events[1].changes.first?.lines.map(\.text).contains("- 09:00 walk") == true)
            #expect(try history.lastVersion(of: HistoryStory.day)?.description == story.recreated)
        }
    }

    /// A deleted entry's last version is the commit before its deletion; a name no commit ever
    /// held has none.
    @Test func theLastVersionOfADeletedEntryIsTheCommitBeforeItsDeletion() throws {
        try Sandbox.withRepository { repository in
            let story = try HistoryStory.tell(in: repository)
            try repository.remove(HistoryStory.plans)
            let gone = try repository.commit("desk: delete \(HistoryStory.plans)", at: HistoryStory.noon(24))
            let history = try repository.history()
            #expect(try history.lastVersion(of: HistoryStory.plans)?.description == story.recreated)
            #expect(try history.lastVersion(of: "notes/never.md") == nil)
            #expect(try history.events(following: HistoryStory.plans).first?.commit.description == gone)
        }
    }

    @Test func aLimitAndATimeWindowCutTheLog() throws {
        try Sandbox.withRepository { repository in
            let story = try HistoryStory.tell(in: repository)
            let history = try repository.history()
            #expect(try history.events(limit: 2).map(\.commit.description) == [story.recreated, story.deleted])
            #expect(try history.events(following: HistoryStory.plans, limit: 1).map(\.commit.description) == [story.reworded])
            let since = try HistoryStory.date(HistoryStory.noon(19))
            let until = try HistoryStory.date(HistoryStory.noon(21))
            #expect(try history.events(since: since, until: until).map(\.commit.description) == [story.reworded, story.renamed, story.edited],
                    "both ends of the window are inclusive")
            #expect(try history.events(following: HistoryStory.day, since: since, until: until).isEmpty)
        }
    }

    /// Hearth's restore commit (`device: restore PATH ...`) reads as a restore, not an edit.
    @Test func aRestoreCommitIsToldAsARestore() throws {
        try Sandbox.withRepository { repository in
            _ = try HistoryStory.tell(in: repository)
            try repository.write(HistoryStory.plans, HistoryStory.second)
            let restore = try repository.commit("laptop: restore \(HistoryStory.plans) from 2026-11-19", at: HistoryStory.noon(24))
            try repository.write(HistoryStory.plans, HistoryStory.fourth)
            let edit = try repository.commit("laptop: restore the old wording of \(HistoryStory.plans)", at: HistoryStory.noon(25))
            let events = try repository.history().events(following: HistoryStory.plans, limit: 2)
            #expect(events.map(\.commit.description) == [edit, restore])
            #expect(events.map { $0.changes.map(\.status) } == [[.edit], [.restore]])
            #expect(events[1].changes.first?.words == "restore \(HistoryStory.plans): energy 2 -> 4, body +1 -1")
        }
    }
}
