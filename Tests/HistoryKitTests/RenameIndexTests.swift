import Foundation
import GitKit
import HistoryKit
import NoteKit
import TestSupport
import Testing

/// Issue 13, "Ten years of history": the rename index answers `show --at`, `restore --at` and
/// the deleted-entry lookup exactly as the walk over every commit does, on every commit and day of
/// a history with renames on both sides of merges, and never from commits HEAD no longer reaches.
@Suite struct RenameIndexTests {
    static let today = LocalDate("2026-11-30")!

    /// A history with what makes names hard: a rename on a branch a merge brings in while the
    /// other side edits the old name, a rename back and forth, an entry deleted, a new entry
    /// taking a renamed entry's old name, and two changes recorded in the same second.
    static func tangle(_ repository: Sandbox) throws {
        try repository.write("notes/a.md", "---\ntitle: A\n---\none\n")
        try repository.write("notes/c.md", "---\ntitle: C\n---\nsee\n")
        try repository.commit("laptop: add", at: HistoryStory.noon(18))
        try repository.git("branch", "desk")
        try repository.git("switch", "-q", "desk")
        try repository.git("mv", "notes/a.md", "notes/b.md")
        try repository.commit("desk: rename notes/a.md -> notes/b.md", at: "2026-11-19T09:00:00+00:00")
        try repository.write("notes/b.md", "---\ntitle: A\n---\none\ndesk\n")
        try repository.commit("desk: edit notes/b.md", at: "2026-11-19T10:00:00+00:00")
        try repository.git("switch", "-q", "main")
        try repository.write("notes/a.md", "---\ntitle: A\n---\none\nlaptop\n")
        try repository.commit("laptop: edit notes/a.md", at: "2026-11-19T10:00:00+00:00")
        try repository.git("merge", "-q", "-s", "ours", "--no-commit", "desk")
        try repository.git("mv", "notes/a.md", "notes/b.md")
        try repository.write("notes/b.md", "---\ntitle: A\n---\none\nlaptop\ndesk\n")
        try repository.commit("laptop: merge desk", at: HistoryStory.noon(20))
        try repository.git("mv", "notes/b.md", "notes/d.md")
        try repository.commit("laptop: rename notes/b.md -> notes/d.md", at: HistoryStory.noon(21))
        try repository.write("notes/b.md", "another entry, with words of its own\n")
        try repository.remove("notes/c.md")
        try repository.commit("laptop: add notes/b.md, delete notes/c.md", at: HistoryStory.noon(22))
        try repository.git("mv", "notes/d.md", "notes/a.md")
        try repository.commit("laptop: rename notes/d.md -> notes/a.md", at: HistoryStory.noon(23))
    }

    static let paths = ["notes/a.md", "notes/b.md", "notes/c.md", "notes/d.md"]

    /// What a question answered, comparable: the version's commit, name and bytes, or the error.
    static func answer(_ body: () throws -> EntryVersion) -> String {
        do {
            let version = try body()
            return "\(version.commit.id) \(version.path) \(String(decoding: version.bytes, as: UTF8.self))"
        } catch {
            return "error: \(error)"
        }
    }

    /// Every question `show --at` can ask of this history: each path at each commit any branch
    /// holds and at each day around it, and each path's last version.
    static func answers(_ repository: Sandbox, index: RenameIndex?, outcomes: Outcomes) throws -> [String] {
        let commits = try repository.git("rev-list", "--all").split(separator: "\n").map(String.init)
        var answers: [String] = []
        for path in paths {
            for point in commits.map(HistoryPoint.revision) + (17...24).map({ HistoryPoint("2026-11-\($0)", today: Self.today) }) {
                let history = try Self.history(repository, index: index, outcomes: outcomes)
                answers.append("\(path) at \(point): " + answer { try history.version(of: path, at: point) })
            }
            let history = try Self.history(repository, index: index, outcomes: outcomes)
            answers.append("\(path) last: \(String(describing: try history.lastVersion(of: path)))")
        }
        return answers
    }

    static func index(_ repository: Sandbox) -> RenameIndex {
        RenameIndex(folder: repository.root.appending(path: ".git/hearth"), version: "test 1")
    }

    /// What the histories of one test did with the index, in order.
    final class Outcomes {
        var list: [RenameIndexOutcome] = []
    }

    /// The repository's history with the index (none when `index` is nil), telling `outcomes`.
    static func history(_ repository: Sandbox, index: RenameIndex?, outcomes: Outcomes) throws -> NotebookHistory {
        let history = try repository.history()
        history.renameIndex = index
        history.renameIndexObserver = { outcomes.list.append($0) }
        return history
    }

    @Test func theIndexAnswersEveryQuestionAsTheWalkDoes() throws {
        try Sandbox.withRepository { repository in
            try Self.tangle(repository)
            let none = Outcomes()
            let walked = try Self.answers(repository, index: nil, outcomes: none)
            #expect(none.list.isEmpty)
            // The tangle is tangled: names followed through renames (on the desk's side too), and
            // questions with no version.
            #expect(walked.contains { $0.hasPrefix("notes/a.md at 2026-11-20: ") && $0.contains(" notes/b.md ---") }, "\(walked)")
            #expect(walked.contains { $0.hasPrefix("notes/b.md at 2026-11-21: error") }, "\(walked)")
            let outcomes = Outcomes()
            let indexed = try Self.answers(repository, index: Self.index(repository), outcomes: outcomes)
            #expect(indexed == walked)
            let commits = Int(try repository.git("rev-list", "--count", "HEAD"))!
            #expect(outcomes.list.first == .built(commits: commits))
            #expect(outcomes.list.dropFirst().allSatisfy { $0 == .used(commits: commits) } && outcomes.list.count > 1, "\(outcomes.list)")
        }
    }

    /// New commits are added to the index, with their renames; a stale index would not know the
    /// entry's old name.
    @Test func newCommitsAreAddedWithTheirRenames() throws {
        try Sandbox.withRepository { repository in
            try repository.write("notes/a.md", "---\ntitle: A\n---\none\n")
            let first = try repository.commit("laptop: add", at: HistoryStory.noon(18))
            try repository.write("notes/a.md", "---\ntitle: A\n---\ntwo\n")
            try repository.commit("laptop: edit", at: HistoryStory.noon(19))
            let outcomes = Outcomes()
            func version(_ path: String, _ point: HistoryPoint) throws -> EntryVersion {
                try Self.history(repository, index: Self.index(repository), outcomes: outcomes).version(of: path, at: point)
            }
            #expect(try version("notes/a.md", .revision(first)).bytes == Data("---\ntitle: A\n---\none\n".utf8))
            try repository.git("mv", "notes/a.md", "notes/b.md")
            try repository.commit("desk: rename", at: HistoryStory.noon(20))
            try repository.write("notes/b.md", "---\ntitle: A\n---\nthree\n")
            try repository.commit("desk: edit", at: HistoryStory.noon(21))
            let old = try version("notes/b.md", .revision(first))
            #expect(old.path == "notes/a.md" && old.bytes == Data("---\ntitle: A\n---\none\n".utf8))
            #expect(try version("notes/b.md", HistoryPoint("2026-11-19", today: Self.today)).path == "notes/a.md")
            #expect(outcomes.list == [.built(commits: 2), .updated(commits: 4, added: 2, dropped: 0), .used(commits: 4)])
        }
    }

    /// Commits made past the index, two branches and their merge among them, are read from HEAD
    /// down to the commits it holds and added parents first (a child before its parent would fail
    /// the update and rebuild the whole index): the answers are still the walk's.
    @Test func aMergeMadePastTheIndexIsAddedParentsFirst() throws {
        try Sandbox.withRepository { repository in
            try repository.write("notes/e.md", "---\ntitle: E\n---\nearly\n")
            try repository.commit("laptop: add notes/e.md", at: HistoryStory.noon(17))
            let outcomes = Outcomes()
            _ = try Self.history(repository, index: Self.index(repository), outcomes: outcomes).lastVersion(of: "notes/e.md")
            try Self.tangle(repository)
            let walked = try Self.answers(repository, index: nil, outcomes: Outcomes())
            let indexed = try Self.answers(repository, index: Self.index(repository), outcomes: outcomes)
            #expect(indexed == walked)
            let commits = Int(try repository.git("rev-list", "--count", "HEAD"))!
            #expect(Array(outcomes.list.prefix(2)) == [.built(commits: 1), .updated(commits: commits, added: commits - 1, dropped: 0)],
                    "\(outcomes.list)")
        }
    }

    /// A reset takes HEAD back (commits dropped from the index); a new commit on the old base
    /// rewrites the history (added, and the old tip's commits dropped). Either way the rename the
    /// lost commits made must not name the entry any more.
    @Test func commitsHeadNoLongerReachesAreDropped() throws {
        try Sandbox.withRepository { repository in
            try repository.write("notes/a.md", "---\ntitle: A\n---\none\n")
            let first = try repository.commit("laptop: add", at: HistoryStory.noon(18))
            try repository.write("notes/a.md", "---\ntitle: A\n---\ntwo\n")
            let second = try repository.commit("laptop: edit", at: HistoryStory.noon(19))
            try repository.git("mv", "notes/a.md", "notes/b.md")
            try repository.commit("laptop: rename", at: HistoryStory.noon(20))
            let outcomes = Outcomes()
            func answer(_ path: String, _ point: HistoryPoint) throws -> String {
                let history = try Self.history(repository, index: Self.index(repository), outcomes: outcomes)
                return Self.answer { try history.version(of: path, at: point) }
            }
            #expect(try answer("notes/b.md", .revision(first)).hasSuffix(" notes/a.md ---\ntitle: A\n---\none\n"))
            try repository.git("reset", "-q", "--hard", second)
            // notes/b.md is another entry now, never renamed: it did not exist then.
            #expect(try answer("notes/b.md", .revision(first)).hasPrefix("error: "))
            #expect(try answer("notes/b.md", HistoryPoint("2026-11-19", today: Self.today)).hasPrefix("error: "))
            try repository.write("notes/b.md", "---\ntitle: B\n---\nnew\n")
            try repository.commit("laptop: add notes/b.md", at: HistoryStory.noon(21))
            #expect(try answer("notes/b.md", .revision(first)).hasPrefix("error: "))
            #expect(outcomes.list == [.built(commits: 3), .updated(commits: 2, added: 0, dropped: 1), .used(commits: 2),
                                 .updated(commits: 3, added: 1, dropped: 0)])
        }
    }

    /// The index's tip is gone from the repository (a reset, then a gc): the index is built from
    /// HEAD again.
    @Test func anIndexWhoseTipIsGoneIsBuiltAgain() throws {
        try Sandbox.withRepository { repository in
            try repository.write("notes/a.md", "---\ntitle: A\n---\none\n")
            let first = try repository.commit("laptop: add", at: HistoryStory.noon(18))
            try repository.git("mv", "notes/a.md", "notes/b.md")
            try repository.commit("laptop: rename", at: HistoryStory.noon(19))
            let outcomes = Outcomes()
            func answer(_ path: String) throws -> String {
                let history = try Self.history(repository, index: Self.index(repository), outcomes: outcomes)
                return Self.answer { try history.version(of: path, at: .revision(first)) }
            }
            #expect(try answer("notes/b.md").contains(" notes/a.md "))
            try repository.git("reset", "-q", "--hard", first)
            try repository.git("reflog", "expire", "--expire=now", "--all")
            try repository.git("gc", "-q", "--prune=now")
            try repository.git("mv", "notes/a.md", "notes/c.md")
            try repository.commit("laptop: rename to c", at: HistoryStory.noon(20))
            #expect(try answer("notes/c.md").contains(" notes/a.md "))
            #expect(try answer("notes/b.md").hasPrefix("error: "))
            #expect(outcomes.list == [.built(commits: 2), .updated(commits: 2, added: 2, dropped: 0), .used(commits: 2)])
        }
    }

    /// Whatever is found where the index should be, it is not trusted: the answer is the walk's
    /// and a good index is written again.
    @Test(arguments: ["truncated", "flipped", "otherVersion", "garbage", "empty"])
    func aDamagedIndexIsRebuilt(damage: String) throws {
        try Sandbox.withRepository { repository in
            try Self.tangle(repository)
            let index = Self.index(repository)
            let outcomes = Outcomes()
            func answer() throws -> String {
                let history = try Self.history(repository, index: index, outcomes: outcomes)
                return Self.answer { try history.version(of: "notes/a.md", at: .revision("HEAD~3^2")) }
            }
            let good = try answer()
            #expect(good.contains(" notes/b.md "), "\(good)")
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: index.path)))
            switch damage {
            case "truncated": bytes = Array(bytes.prefix(bytes.count - 3))
            case "flipped": bytes[bytes.count - 10] ^= 0x20
            case "otherVersion":
                let version = Array("test 1".utf8)
                let start = try #require(bytes.indices.first { bytes[$0...].starts(with: version) })
                bytes[start + version.count - 1] = UInt8(ascii: "2")
            case "garbage": bytes = bytes.map { $0 &* 31 &+ 7 }
            default: bytes = []
            }
            try Data(bytes).write(to: URL(fileURLWithPath: index.path))
            #expect(try answer() == good)
            #expect(try answer() == good)
            let commits = Int(try repository.git("rev-list", "--count", "HEAD"))!
            #expect(outcomes.list == [.built(commits: commits), .rebuilt(commits: commits), .used(commits: commits)])
        }
    }
}
