import Foundation
import GitKit
import HistoryKit
import NoteKit
import TestSupport
import Testing

/// Each question ``NotebookHistory`` cannot answer fails with its own ``HistoryError`` case,
/// carrying what a caller needs to say why.
@Suite struct NotebookHistoryErrorTests {
    static let today = LocalDate("2026-11-30")!

    @Test func aFolderWithoutARepositoryIsNotANotebookWithHistory() throws {
        try Sandbox.with { folder in
            try folder.write("hearth.yaml", "version: 1\n")
            let error = #expect(throws: HistoryError.self) { try NotebookHistory(root: folder.root) }
            guard case .notANotebook(let path)? = error else { Issue.record("\(String(describing: error))"); return }
            #expect(path == folder.root.standardizedFileURL.path)
        }
    }

    @Test func aRepositoryWithoutCommitsHasNoHistory() throws {
        try Sandbox.withRepository { repository in
            try repository.write(HistoryStory.plans, HistoryStory.first)
            let history = try repository.history()
            #expect(try history.events().isEmpty)
            let atHead = #expect(throws: HistoryError.self) { try history.commit(at: .revision("HEAD")) }
            guard case .noHistory? = atHead else { Issue.record("\(String(describing: atHead))"); return }
            let changes = #expect(throws: HistoryError.self) { try history.changes(since: nil) }
            guard case .noHistory? = changes else { Issue.record("\(String(describing: changes))"); return }
        }
    }

    @Test func aRevisionTheRepositoryLacksIsUnknown() throws {
        try Sandbox.withRepository { repository in
            let story = try HistoryStory.tell(in: repository)
            let history = try repository.history()
            for revision in ["0000000", "no-such-branch"] {
                let error = #expect(throws: HistoryError.self) { try history.version(of: HistoryStory.plans, at: .revision(revision)) }
                guard case .unknownRevision(let named)? = error else { Issue.record("\(String(describing: error))"); continue }
                #expect(named == revision)
            }
            // The same lookup with a commit the repository has succeeds: the error is about the name.
            #expect(try history.commit(at: .revision(String(story.added.prefix(7)))).id.description == story.added)
        }
    }

    /// A moment before the first commit is an error for the notebook and for an entry, not
    /// "absent": the caller can name the day the history starts.
    @Test func aMomentBeforeTheFirstCommitNamesTheFirstDay() throws {
        try Sandbox.withRepository { repository in
            _ = try HistoryStory.tell(in: repository)
            let history = try repository.history()
            let point = HistoryPoint("2026-11-17", today: Self.today)
            let commit = #expect(throws: HistoryError.self) { try history.commit(at: point) }
            guard case .beforeHistory(let label, let first)? = commit else { Issue.record("\(String(describing: commit))"); return }
            #expect(label == "2026-11-17" && first == "2026-11-18")
            let version = #expect(throws: HistoryError.self) { try history.version(of: HistoryStory.plans, at: point) }
            guard case .beforeHistory? = version else { Issue.record("\(String(describing: version))"); return }
        }
    }

    /// Between its deletion and its second life the day entry did not exist: at a time and at
    /// the deleting commit.
    @Test func anEntryThatDidNotExistThenIsAbsent() throws {
        try Sandbox.withRepository { repository in
            let story = try HistoryStory.tell(in: repository)
            let history = try repository.history()
            for point in [HistoryPoint("2026-11-22T18:00", today: Self.today), .revision(story.deleted)] {
                let error = #expect(throws: HistoryError.self) { try history.version(of: HistoryStory.day, at: point) }
                guard case .absent(let path, let label)? = error else { Issue.record("\(String(describing: error))"); continue }
                #expect(path == HistoryStory.day && label == point.description)
            }
            // Before the rename the entry existed under its old name: not absent.
            #expect(try history.version(of: HistoryStory.plans, at: .revision(story.added)).path == HistoryStory.ideas)
        }
    }

    @Test func aNameNoEntryEverHadIsNotFound() throws {
        try Sandbox.withRepository { repository in
            _ = try HistoryStory.tell(in: repository)
            let history = try repository.history()
            for reference in ["holiday", "2026-11-10"] {
                let error = #expect(throws: HistoryError.self) { try history.pastEntry(named: reference, today: Self.today, userPath: nil) }
                guard case .notFound(let named)? = error else { Issue.record("\(String(describing: error))"); continue }
                #expect(named == reference)
            }
            let path = #expect(throws: HistoryError.self) {
                try history.pastEntry(named: "x", today: Self.today, userPath: "notes/never.md")
            }
            guard case .notFound? = path else { Issue.record("\(String(describing: path))"); return }
        }
    }

    /// Two deleted entries that share the start of their names: the reference is ambiguous and
    /// the candidates are named; the whole name finds one.
    @Test func aReferenceTwoPastEntriesShareIsAmbiguous() throws {
        try Sandbox.withRepository { repository in
            try repository.write("notes/trip-rome.md", "Rome\n")
            try repository.write("notes/trip-oslo.md", "Oslo\n")
            try repository.write("notes/keep.md", "kept\n")
            try repository.commit("laptop: add trips", at: HistoryStory.noon(18))
            try repository.remove("notes/trip-rome.md")
            try repository.remove("notes/trip-oslo.md")
            try repository.commit("laptop: delete trips", at: HistoryStory.noon(19))
            let history = try repository.history()
            let error = #expect(throws: HistoryError.self) { try history.pastEntry(named: "trip", today: Self.today, userPath: nil) }
            guard case .ambiguous(let reference, let candidates)? = error else { Issue.record("\(String(describing: error))"); return }
            #expect(reference == "trip" && candidates == ["notes/trip-oslo.md", "notes/trip-rome.md"])
            #expect(try history.pastEntry(named: "trip-rome", today: Self.today, userPath: nil) == "notes/trip-rome.md")
        }
    }
}
