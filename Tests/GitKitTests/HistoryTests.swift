import Foundation
import GitKit
import Testing

/// Log, branches and revision parsing.
struct HistoryTests {
    @Test func logIsNewestFirstLikeRevList() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            var ids: [ObjectID] = []
            for day in 1...4 {
                try scratch.write("day\(day).md", "day \(day)\n")
                ids.append(try scratch.commitAll(repository, message: "day \(day)", secondsLater: Double(day) * 3600))
            }
            let head = try #require(try repository.headCommitID())
            let log = try repository.log(from: head)
            #expect(log.map(\.id) == ids.reversed())
            #expect(log.map(\.id.description) == (try scratch.git("rev-list", "HEAD").split(separator: "\n").map(String.init)))
            #expect(log.first?.summary == "day 4")
            #expect(try repository.log(from: head, limit: 2).map(\.id) == [ids[3], ids[2]])
            #expect(try repository.log(from: ids[1], topological: false).map(\.id) == [ids[1], ids[0]])
        }
    }

    @Test func currentBranchOnUnbornAndDetachedHead() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            #expect(try repository.currentBranchName() == "main")
            #expect(try repository.headCommitID() == nil)
            #expect(try repository.branches().isEmpty)
            try scratch.write("a.md", "a\n")
            let id = try scratch.commitAll(repository, message: "a")
            #expect(try repository.currentBranchName() == "main")
            try scratch.git("checkout", "-q", "--detach")
            #expect(try repository.currentBranchName() == nil)
            #expect(try repository.headCommitID() == id)
        }
    }

    @Test func branchesListsLocalAndRemote() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.write("a.md", "a\n")
            let first = try scratch.commitAll(repository, message: "a")
            try scratch.write("b.md", "b\n")
            let second = try scratch.commitAll(repository, message: "b", secondsLater: 60)
            try scratch.git("branch", "feature", first.description)
            try scratch.git("update-ref", "refs/remotes/origin/main", second.description)
            try scratch.git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")

            let local = try repository.branches()
            #expect(local.map(\.name) == ["feature", "main"])
            #expect(local.map(\.fullName) == ["refs/heads/feature", "refs/heads/main"])
            #expect(local.map(\.target) == [first, second])
            #expect(local.allSatisfy { !$0.isRemote })

            let remote = try repository.branches(remote: true)
            #expect(remote.map(\.name) == ["origin/HEAD", "origin/main"])
            #expect(remote.allSatisfy { $0.isRemote && $0.target == second })
        }
    }

    @Test func resolveRevisions() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.write("a.md", "a\n")
            let first = try scratch.commitAll(repository, message: "a")
            try scratch.write("b.md", "b\n")
            let second = try scratch.commitAll(repository, message: "b", secondsLater: 60)
            try scratch.git("-c", "user.name=T", "-c", "user.email=t@example.com", "tag", "-a", "-m", "annotated", "v1", first.description)

            #expect(try repository.resolve(revision: "HEAD") == second)
            #expect(try repository.resolve(revision: "main~1") == first)
            #expect(try repository.resolve(revision: "v1") == first)
            #expect(try repository.resolve(revision: String(second.description.prefix(10))) == second)
            let error = try #require(throws: GitError.self) { try repository.resolve(revision: "no-such-branch") }
            #expect(error.code == .notFound)
        }
    }
}
