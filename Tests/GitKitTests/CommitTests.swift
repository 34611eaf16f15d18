import Foundation
import GitKit
import Testing

/// Writing trees and commits, checked against the git CLI.
struct CommitTests {
    @Test func commitIsVisibleToGitAndPassesFsck() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.write("entries/2024-05-01.md", "# A day\n\nSunny.\n")
            try scratch.write("README.md", "journal\n")
            try repository.stageAll()
            let tree = try repository.writeIndexTree()
            let signature = Scratch.signature
            let id = try repository.createCommit(
                tree: tree, parents: [], message: "First entry\n\nWith a body.\n",
                author: signature, committer: signature
            )

            #expect(try scratch.git("log", "--format=%H%n%an%n%s") == "\(id)\nHearth Tester\nFirst entry")
            #expect(try scratch.git("show", "-s", "--format=%ae %at %ai") == "tester@example.com 1700000000 2023-11-15 00:13:20 +0200")
            #expect(try scratch.git("rev-parse", "HEAD^{tree}") == tree.description)
            #expect(try scratch.git.run(["fsck", "--strict"]).status == 0)
            #expect(try scratch.git("status", "--porcelain") == "")

            let commit = try repository.commit(id)
            #expect(commit.id == id)
            #expect(commit.treeID == tree)
            #expect(commit.parentIDs.isEmpty)
            #expect(commit.message == "First entry\n\nWith a body.\n")
            #expect(commit.summary == "First entry")
            #expect(commit.author == signature)
            #expect(commit.committer == signature)
            #expect(try repository.headCommitID() == id)
        }
    }

    @Test func secondCommitHasParent() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.write("a.md", "one\n")
            let first = try scratch.commitAll(repository, message: "one")
            try scratch.write("a.md", "two\n")
            let second = try scratch.commitAll(repository, message: "two", secondsLater: 60)
            #expect(try repository.commit(second).parentIDs == [first])
            #expect(try scratch.git("rev-parse", "HEAD~1") == first.description)
            #expect(try scratch.git.run(["fsck", "--strict"]).status == 0)
        }
    }

    @Test func staleParentIsRejectedAsModified() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.write("a.md", "one\n")
            let first = try scratch.commitAll(repository, message: "one")
            try scratch.write("a.md", "two\n")
            let second = try scratch.commitAll(repository, message: "two", secondsLater: 60)
            let tree = try repository.writeIndexTree()

            let error = try #require(throws: GitError.self) {
                try repository.createCommit(
                    tree: tree, parents: [first], message: "racing",
                    author: Scratch.signature, committer: Scratch.signature
                )
            }
            #expect(error.code == .modified)
            #expect(try repository.headCommitID() == second)

            // Without a reference to move, the same commit is fine: it is just a dangling object.
            let dangling = try repository.createCommit(
                tree: tree, parents: [first], message: "racing",
                author: Scratch.signature, committer: Scratch.signature, updatingReference: nil
            )
            #expect(try scratch.git("cat-file", "-t", dangling.description) == "commit")
            #expect(try repository.headCommitID() == second)
        }
    }

    @Test func stagePathsAddsAndRemoves() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.write("keep.md", "keep\n")
            try scratch.write("gone.md", "gone\n")
            try scratch.commitAll(repository, message: "base")
            try scratch.remove("gone.md")
            try scratch.write("new.md", "new\n")
            try scratch.write("untouched.md", "not staged\n")
            try repository.stage(paths: ["gone.md", "new.md"])
            #expect(try scratch.git("diff", "--cached", "--name-status") == "D\tgone.md\nA\tnew.md")
        }
    }

    @Test func stageAllStagesDeletions() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.write("a.md", "a\n")
            try scratch.write("dir/b.md", "b\n")
            try scratch.commitAll(repository, message: "base")
            try scratch.remove("dir")
            try scratch.write("a.md", "changed\n")
            try repository.stageAll()
            #expect(try scratch.git("diff", "--cached", "--name-status") == "M\ta.md\nD\tdir/b.md")
        }
    }
}
