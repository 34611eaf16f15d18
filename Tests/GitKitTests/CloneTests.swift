import Foundation
import GitKit
import Testing

/// Cloning local bare remotes, populated and empty, checked with the git CLI.
struct CloneTests {
    @Test func clonePopulatedRemote() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            let other = try scratch.cliClone(of: remote.url, into: "other")
            try scratch.write("days/2026/01.md", "one\n", in: other)
            try scratch.write("a.md", "a\n", in: other)
            try other.commitAll("first")
            try other("push", "-q", "origin", "HEAD:main")

            let target = scratch.base.appending(path: "clone", directoryHint: .isDirectory)
            var reports = 0
            var options = scratch.networkOptions
            options.progress = { _ in reports += 1 }
            let repository = try Repository.clone(from: remote.url.absoluteString, to: target, options: options)
            let git = other.at(target)
            #expect(try repository.headCommitID()?.description == (try remote.git("rev-parse", "main")))
            #expect(try repository.currentBranchName() == "main")
            #expect(try repository.remotes() == [Remote(name: "origin", url: remote.url.absoluteString)])
            #expect(try git("status", "--porcelain") == "")
            #expect(try String(contentsOf: target.appending(path: "days/2026/01.md"), encoding: .utf8) == "one\n")
            #expect(try git("rev-parse", "--abbrev-ref", "main@{upstream}") == "origin/main")
            #expect(reports > 0)
        }
    }

    @Test func cloneEmptyRemoteThenPush() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            let target = scratch.base.appending(path: "clone", directoryHint: .isDirectory)
            let repository = try Repository.clone(from: remote.url.path(percentEncoded: false), to: target, options: scratch.networkOptions)
            let git = scratch.git.at(target)
            #expect(try repository.headCommitID() == nil)
            #expect(try repository.currentBranchName() == "main")
            #expect(try git("symbolic-ref", "HEAD") == "refs/heads/main")
            #expect(try repository.remote(named: "origin")?.url == remote.url.path(percentEncoded: false))
            #expect(try git("config", "--get", "branch.main.merge") == "refs/heads/main")
            #expect(try git.run(["config", "--get", "branch.master.merge"]).status != 0)

            // The first commit goes to main on both sides.
            try Data("first\n".utf8).write(to: target.appending(path: "a.md"))
            try repository.stageAll()
            let commit = try repository.createCommit(
                tree: try repository.writeIndexTree(), parents: [], message: "first",
                author: Scratch.signature, committer: Scratch.signature
            )
            try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: scratch.networkOptions)
            #expect(try remote.git("rev-parse", "main") == commit.description)
        }
    }

    @Test func cloneOfARemoteWhoseHEADNamesAMissingBranchChecksOutItsOnlyBranch() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            // `git init --bare` without -b: HEAD says master, but the notebook pushed main.
            try remote.git("symbolic-ref", "HEAD", "refs/heads/master")
            let other = try scratch.cliClone(of: remote.url, into: "other")
            try scratch.write("a.md", "a\n", in: other)
            try other.commitAll("first")
            try other("push", "-q", "origin", "HEAD:main")

            let target = scratch.base.appending(path: "clone", directoryHint: .isDirectory)
            let repository = try Repository.clone(from: remote.url.path(percentEncoded: false), to: target, options: scratch.networkOptions)
            let git = scratch.git.at(target)
            #expect(try repository.currentBranchName() == "main")
            #expect(try repository.headCommitID()?.description == (try remote.git("rev-parse", "main")))
            #expect(try String(contentsOf: target.appending(path: "a.md"), encoding: .utf8) == "a\n")
            #expect(try git("status", "--porcelain") == "")
            #expect(try git("rev-parse", "--abbrev-ref", "main@{upstream}") == "origin/main")
            #expect(try git.run(["config", "--get", "branch.master.merge"]).status != 0)
        }
    }

    @Test func cloneIntoNonEmptyDirectoryFails() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            try scratch.write("existing.md", "mine\n")
            let error = try #require(throws: GitError.self) {
                try Repository.clone(from: remote.url.path(percentEncoded: false), to: scratch.root, options: scratch.networkOptions)
            }
            #expect(error.code == .exists)
            #expect(try String(contentsOf: scratch.root.appending(path: "existing.md"), encoding: .utf8) == "mine\n")
        }
    }
}
