import Foundation
import GitKit
import HistoryKit
import NoteKit
import TestSupport
import Testing

/// Issue 13, "Ten years of history", sixth round: with the rename index, `log` takes libgit2's
/// topological order from the index (parents and times, no commit read), `log ENTRY` its order
/// and each step's renames, and `grep --history` both: every answer must be the one libgit2's own
/// walk and rename detection give, on histories whose clocks disagree and whose commits share
/// seconds (ties that libgit2's heap settles).
@Suite struct RenameIndexOrderTests {
    /// A small deterministic random source (the same history on every run).
    struct Seeded {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Three devices' branches with edits, renames and merges in a random order, each commit at
    /// one of a few times, so that many share a second and children are often older than their
    /// parents. Returns the entries' paths at the end.
    static func tangledHistory(_ repository: Sandbox, seed: UInt64, steps: Int) throws -> [String] {
        var random = Seeded(state: seed)
        let times = ["2026-11-20T12:00:00+00:00", "2026-11-20T12:00:00+00:00", "2026-11-20T12:00:01+00:00",
                     "2026-11-19T08:00:00+02:00", "2026-11-21T12:00:00-05:00", "2026-11-20T12:00:01+00:00"]
        func time() -> String { times[random.next(times.count)] }
        // Each branch edits and renames only the entries it added, so every merge is clean.
        var owned: [String: [String]] = ["main": []]
        var current = "main"
        var counter = 0
        func add() throws {
            counter += 1
            let path = "notes/\(current)-\(counter).md"
            try repository.write(path, "---\ntitle: \(counter)\n---\nkettle lantern harbour \(counter)\nsecond line\n")
            owned[current, default: []].append(path)
        }
        try add()
        try repository.commit("laptop: start", at: time())
        for step in 0..<steps {
            switch random.next(10) {
            case 0..<4:
                if let paths = owned[current], !paths.isEmpty, random.next(2) == 0 {
                    let path = paths[random.next(paths.count)]
                    let old = String(decoding: try repository.read(path), as: UTF8.self)
                    let edited = random.next(3) == 0 ? old.replacingOccurrences(of: "kettle lantern harbour", with: "kettle")
                        : old + "kettle lantern harbour again \(step)\n"
                    try repository.write(path, edited)
                } else {
                    try add()
                }
                try repository.commit("\(current): edit \(step)", at: time())
            case 4:
                guard var paths = owned[current], !paths.isEmpty else { continue }
                let index = random.next(paths.count)
                counter += 1
                let new = "notes/\(current)-moved-\(counter).md"
                try repository.git("mv", paths[index], new)
                paths[index] = new
                owned[current] = paths
                try repository.commit("\(current): rename \(step)", at: time())
            case 5, 6:
                let names = owned.keys.sorted()
                if names.count < 3, random.next(2) == 0 {
                    let name = ["desk", "phone"].first { owned[$0] == nil }!
                    try repository.git("switch", "-q", "-c", name)
                    owned[name] = []
                    current = name
                } else {
                    current = names[random.next(names.count)]
                    try repository.git("switch", "-q", current)
                }
            default:
                let others = owned.keys.sorted().filter { $0 != current }
                guard !others.isEmpty else { continue }
                let other = others[random.next(others.count)]
                try repository.git("merge", "-q", "--no-ff", "--no-commit", other)
                try repository.commit("\(current): merge \(other)", at: time())
            }
        }
        if current != "main" {
            try repository.git("switch", "-q", "main")
            for other in owned.keys.sorted() where other != "main" {
                try repository.git("merge", "-q", "--no-ff", "--no-commit", other)
                try repository.commit("laptop: merge \(other)", at: time())
            }
        }
        return try repository.git("ls-files").split(separator: "\n").map(String.init)
    }

    /// What the histories and searches of one test did with the index, in order.
    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [RenameIndexOutcome] = []
        func append(_ outcome: RenameIndexOutcome) { lock.withLock { recorded.append(outcome) } }
        var list: [RenameIndexOutcome] { lock.withLock { recorded } }
    }

    static func index(_ repository: Sandbox) -> RenameIndex {
        RenameIndex(folder: repository.root.appending(path: ".git/hearth"), version: "test 1")
    }

    /// Everything `log`, `log ENTRY` and `grep --history` say, read with the index or without.
    static func answers(_ repository: Sandbox, paths: [String], indexed: Bool, outcomes: Outcomes) throws -> [String] {
        func history() throws -> NotebookHistory {
            let history = try repository.history()
            if indexed {
                history.renameIndex = Self.index(repository)
                history.renameIndexObserver = { outcomes.append($0) }
            }
            return history
        }
        var answers: [String] = []
        // Following an entry first: it builds the index, which `log` alone only uses.
        for path in paths {
            answers.append("log \(path): \(try history().events(following: path))")
        }
        answers.append("log: \(try history().events())")
        for limit in [1, 2, 5, 13] {
            answers.append("log -n \(limit): \(try history().events(limit: limit).map(\.commit))")
        }
        let noon = try #require(ISO8601DateFormatter().date(from: "2026-11-20T12:00:00Z"))
        answers.append("log --since: \(try history().events(since: noon).map(\.commit))")
        answers.append("log --until: \(try history().events(until: noon, limit: 3).map(\.commit))")
        var search = HistorySearch(query: GrepQuery(matcher: try GrepMatcher(pattern: "kettle lantern")), today: LocalDate("2026-11-22")!)
        if indexed {
            search.renameIndex = Self.index(repository)
            search.renameIndexObserver = { outcomes.append($0) }
        }
        answers.append("grep --history: \(try search.run(root: repository.root).matches)")
        return answers
    }

    @Test(arguments: [1, 2, 6, 7, 10] as [UInt64])
    func theIndexGivesLibgit2sOrderAndRenames(seed: UInt64) throws {
        try Sandbox.withRepository { repository in
            let paths = try Self.tangledHistory(repository, seed: seed, steps: 36)
            let merges = try repository.git("rev-list", "--merges", "--count", "HEAD")
            let renames = try repository.git("log", "--format=%s").split(separator: "\n").filter { $0.contains("rename") }
            #expect(Int(merges)! >= 3 && !renames.isEmpty, "a history to test: \(merges) merges, \(renames.count) renames")
            // Ties and clocks that disagree: commits sharing a second, a child older than its parent.
            let times = try repository.git("log", "--format=%ct %p").split(separator: "\n")
            #expect(Set(times.map { $0.split(separator: " ")[0] }).count < times.count)
            let none = Outcomes()
            let walked = try Self.answers(repository, paths: paths, indexed: false, outcomes: none)
            #expect(none.list.isEmpty)
            let outcomes = Outcomes()
            let indexed = try Self.answers(repository, paths: paths, indexed: true, outcomes: outcomes)
            for (index, answer) in walked.enumerated() {
                #expect(indexed[index] == answer)
            }
            let commits = Int(try repository.git("rev-list", "--count", "HEAD"))!
            #expect(outcomes.list.first == .built(commits: commits))
            #expect(outcomes.list.dropFirst().allSatisfy { $0 == .used(commits: commits) } && outcomes.list.count > paths.count + 5,
                    "\(outcomes.list)")
        }
    }

    /// `log` without an entry never builds the index (a walk with rename detection over every
    /// commit, for a command that may show five): it reads libgit2's order until some other
    /// history command has built it.
    @Test func logAloneDoesNotBuildTheIndex() throws {
        try Sandbox.withRepository { repository in
            let paths = try Self.tangledHistory(repository, seed: 7, steps: 12)
            let outcomes = Outcomes()
            func history() throws -> NotebookHistory {
                let history = try repository.history()
                history.renameIndex = Self.index(repository)
                history.renameIndexObserver = { outcomes.append($0) }
                return history
            }
            let first = try history().events(limit: 4)
            #expect(outcomes.list.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: Self.index(repository).path))
            _ = try history().events(following: paths[0])
            #expect(try history().events(limit: 4) == first)
            let commits = Int(try repository.git("rev-list", "--count", "HEAD"))!
            #expect(outcomes.list == [.built(commits: commits), .used(commits: commits)])
        }
    }
}
