import Foundation
import GitKit
import HistoryKit
import MergeKit
import TestSupport
import Testing

/// Merge commits as a sync writes them: the devices that met, the entries the merge itself
/// produced, and the conflicts it recorded under `.hearth/conflicts/`.
@Suite struct NotebookHistoryMergeTests {
    static let path = "notes/plans.md"
    static let base = "---\nenergy: 3\n---\nplan\n"
    static let laptop = "---\nenergy: 2\n---\nplan\n"
    static let desk = "---\nenergy: 4\n---\nplan\nfrom the desk\n"
    /// Laptop's value kept, the desk's line taken in.
    static let merged = "---\nenergy: 2\n---\nplan\nfrom the desk\n"

    /// The energy both devices changed, the laptop's value kept.
    static func conflict() throws -> MergeConflict {
        MergeConflict(path: path, kind: .field, field: "energy",
                      first: ConflictSide(device: "laptop", time: try HistoryStory.date("2026-11-19T11:00:00Z"), value: "2"),
                      second: ConflictSide(device: "desk", time: try HistoryStory.date("2026-11-19T10:00:00Z"), value: "4"),
                      kept: "laptop")
    }

    /// The laptop (main) and the desk (a branch) change the entry apart, the desk adds a note of
    /// its own, and the laptop merges: the merged entry and the conflict record in the merge
    /// commit. Returns the merge's id and the desk's commit's.
    func meet(_ repository: Sandbox) throws -> (merge: String, desk: String) {
        try repository.write(Self.path, Self.base)
        try repository.commit("laptop: add \(Self.path)", at: HistoryStory.noon(18))
        try repository.git("branch", "desk")
        try repository.git("switch", "-q", "desk")
        try repository.write(Self.path, Self.desk)
        try repository.write("notes/desk.md", "desk's own\n")
        let desk = try repository.commit("desk: edit \(Self.path)", at: "2026-11-19T10:00:00+00:00")
        try repository.git("switch", "-q", "main")
        try repository.write(Self.path, Self.laptop)
        try repository.commit("laptop: edit \(Self.path)", at: "2026-11-19T11:00:00+00:00")
        // Git's own strategy would stop at the conflict: take the tree as hearth's merge wrote it.
        try repository.git("merge", "-q", "-s", "ours", "--no-commit", "desk")
        try repository.write(Self.path, Self.merged)
        try repository.write("notes/desk.md", "desk's own\n")
        let record = ConflictRecord(try Self.conflict())
        try repository.write(record.path, record.text)
        let merge = try repository.commit("laptop: merge desk", at: HistoryStory.noon(19))
        return (merge, desk)
    }

    /// A commit on the side a merge brought in, asked for by the entry's name after a later
    /// rename: the walk down to it (only the commits after it) hands the old name through the merge.
    @Test func aRevisionOnAMergedSideFindsTheVersionUnderItsNameThere() throws {
        try Sandbox.withRepository { repository in
            let (_, desk) = try meet(repository)
            try repository.git("mv", Self.path, "notes/ideas.md")
            try repository.commit("laptop: rename \(Self.path) to notes/ideas.md", at: HistoryStory.noon(20))
            let history = try repository.history()
            let version = try history.version(of: "notes/ideas.md", at: .revision(desk))
            #expect(version.commit.id.description == desk && version.path == Self.path)
            #expect(version.bytes == Data(Self.desk.utf8))
            let first = try history.version(of: "notes/ideas.md", at: .revision("HEAD~3"))
            #expect(first.path == Self.path && first.bytes == Data(Self.base.utf8))
        }
    }

    @Test func aMergeNamesTheDevicesThatMetAndTheConflictItRecorded() throws {
        try Sandbox.withRepository { repository in
            let (merge, _) = try meet(repository)
            #expect(try repository.git("rev-list", "--parents", "-n", "1", merge).split(separator: " ").count == 3)
            let event = try #require(try repository.history().events().first)
            #expect(event.commit.description == merge)
            #expect(event.merge?.devices == ["laptop", "desk"])
            #expect(try event.conflicts == [Self.conflict()])
            // Only the entry the merge produced itself; the desk's note came whole from one side,
            // and the record is no entry.
            #expect(event.changes.map(\.path) == [Self.path])
            #expect(event.changes.map(\.status) == [.merge])
            #expect(event.changes.first?.lines.map(\.text) == ["from the desk"])
        }
    }

    /// An entry's log has the merge that produced its version with the conflict recorded
    /// there, then the commit that settled it (only the record deleted), and both sides'
    /// edits; the other entry's log has none of that.
    @Test func anEntrysLogHasItsMergeItsConflictAndItsSettlement() throws {
        try Sandbox.withRepository { repository in
            let (merge, desk) = try meet(repository)
            let record = ConflictRecord(try Self.conflict())
            try repository.remove(record.path)
            let settled = try repository.commit("laptop: resolve \(record.id)", at: HistoryStory.noon(20))
            let history = try repository.history()
            let events = try history.events(following: Self.path)
            #expect(events.count == 5)
            #expect(events.prefix(2).map(\.commit.description) == [settled, merge])
            #expect(events[0].changes.isEmpty && events[0].conflicts.isEmpty)
            #expect(try events[1].conflicts == [Self.conflict()])
            #expect(events.dropFirst(2).map(\.device).sorted() == ["desk", "laptop", "laptop"])
            let other = try history.events(following: "notes/desk.md")
            #expect(other.map(\.commit.description) == [desk])
            #expect(other.first?.conflicts.isEmpty == true)
        }
    }
}
