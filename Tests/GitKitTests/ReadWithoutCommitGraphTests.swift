import Foundation
import GitKit
import Testing

/// `Repository.readWithoutCommitGraph()`, which a sync's handles use: the same history, read from
/// the objects rather than the commit graph (which is never even opened), and objects written as
/// before.
struct ReadWithoutCommitGraphTests {
    @Test func aHandleWithoutTheGraphWalksTheSameHistoryAndWritesWhatGitReads() throws {
        try Scratch.with { scratch in
            let repository = try scratch.divergedDevices(laptop: 3, phone: 2, phoneStep: 90)
            try scratch.git("-c", "gc.auto=0", "repack", "-a", "-d", "-q")
            try repository.writeCommitGraph()
            let graph = scratch.root.appending(path: ".git/objects/info/commit-graph").path(percentEncoded: false)
            #expect(FileManager.default.fileExists(atPath: graph))
            let main = try #require(try repository.referenceTarget("refs/heads/main"))
            let phone = try #require(try repository.referenceTarget("refs/heads/phone"))

            let short = try Repository.open(at: scratch.root)
            #expect(try short.readWithoutCommitGraph())
            let walked = (log: try short.log(from: main).map(\.id), base: try short.mergeBase(main, phone),
                          counts: try short.aheadBehind(local: main, upstream: phone), descendant: try short.isDescendant(main, of: phone))
            #if os(Linux)
            #expect(try !mapped(graph), "the handle without the graph does not open it")
            #endif

            let usual = try Repository.open(at: scratch.root)
            #expect(try usual.log(from: main).map(\.id) == walked.log)
            #expect(walked.log.count == 4)
            #expect(try usual.mergeBase(main, phone) == walked.base)
            #expect(walked.base != nil)
            #expect(try usual.aheadBehind(local: main, upstream: phone) == walked.counts)
            #expect(walked.counts == (ahead: 3, behind: 2))
            #expect(try usual.isDescendant(main, of: phone) == walked.descendant)
            #if os(Linux)
            #expect(try mapped(graph), "a usual handle's walk reads the graph (so the check above can fail)")
            #endif

            // Loose objects it writes, and packs git adds after it opened, are read as usual.
            try scratch.write("laptop4.md", "4\n")
            let newest = try scratch.commitAll(short, message: "laptop 4", secondsLater: 600)
            #expect(try scratch.git("rev-parse", "HEAD") == newest.description)
            try scratch.git("-c", "gc.auto=0", "repack", "-a", "-d", "-q")
            #expect(try scratch.git("count-objects").hasPrefix("0 objects"))
            #expect(try short.log(from: newest).map(\.id) == [newest] + walked.log)
            try scratch.git.expectFsckClean()
        }
    }

    /// A repository that borrows objects through `objects/info/alternates` keeps libgit2's usual
    /// database, which follows them.
    @Test func aRepositoryWithAlternatesKeepsTheUsualDatabase() throws {
        try Scratch.with { scratch in
            let (repository, head) = try scratch.repositoryWithCommits([["a.md": "base\n"]])
            try repository.writeCommitGraph()
            let borrower = scratch.root.deletingLastPathComponent().appending(path: "borrower")
            try scratch.git("clone", "-q", "--shared", scratch.root.path(percentEncoded: false), borrower.path(percentEncoded: false))
            let opened = try Repository.open(at: borrower)
            #expect(try !opened.readWithoutCommitGraph())
            #expect(try opened.log(from: head).map(\.id) == [head])
        }
    }

    /// A linked worktree (`git worktree add`) keeps its objects in the main repository's folder,
    /// not in its own git directory (`.git/worktrees/NAME`): the handle reads and writes them there.
    @Test func aLinkedWorktreeReadsAndWritesTheSharedObjects() throws {
        try Scratch.with { scratch in
            let (_, head) = try scratch.repositoryWithCommits([["a.md": "base\n"], ["a.md": "base\nmore\n"]])
            let linked = scratch.root.deletingLastPathComponent().appending(path: "linked")
            try scratch.git("worktree", "add", "-q", linked.path(percentEncoded: false), "-b", "linked")
            let opened = try Repository.open(at: linked)
            #expect(try opened.readWithoutCommitGraph())
            #expect(try opened.log(from: head).count == 2)
            try Data("base\nmore\nlinked\n".utf8).write(to: linked.appending(path: "a.md"))
            try opened.stageAll()
            let tree = try opened.writeIndexTree()
            let commit = try opened.createCommit(tree: tree, parents: [head], message: "linked",
                                                 author: Scratch.signature, committer: Scratch.signature)
            #expect(try scratch.git("rev-parse", "linked") == commit.description)
            #expect(try scratch.git("show", "linked:a.md") == "base\nmore\nlinked")
            try scratch.git.expectFsckClean()
        }
    }

    /// Whether this process maps `path` (libgit2 maps the commit graph it reads for as long as the
    /// handle lives).
    private func mapped(_ path: String) throws -> Bool {
        // Read to the end: the file reports no size, and a reader that trusts it stops early.
        let maps = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/self/maps")).readToEnd() ?? Data()
        return String(decoding: maps, as: UTF8.self).contains(path)
    }
}
