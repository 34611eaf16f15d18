import Foundation
import GitKit
import Testing

/// A configured remote whose URL or push URL is a relative folder path is read from the top of
/// the work tree, as git reads it, whatever the process's working directory (here the test
/// runner's, never the scratch area, where `../remote.git` names nothing).
struct RelativeRemoteURLTests {
    @Test func fetchAndPushReadARelativeURLFromTheWorkTree() throws {
        try Scratch.with { scratch in
            #expect(FileManager.default.currentDirectoryPath != scratch.root.path(percentEncoded: false))
            let remote = try scratch.bareRemote()
            let other = try scratch.cliClone(of: remote.url, into: "other")
            try scratch.write("a.md", "from the other clone\n", in: other)
            try other.commitAll("first")
            try other("push", "-q", "origin", "HEAD:main")

            let repository = try Repository.create(at: scratch.root)
            try repository.addRemote(name: "origin", url: "../remote.git")
            try repository.fetch(remote: "origin", options: scratch.networkOptions)
            let fetched = try #require(try repository.referenceTarget("refs/remotes/origin/main"))
            #expect(fetched.description == (try remote.git("rev-parse", "main")))

            try repository.setReference("refs/heads/main", to: fetched, expecting: nil, message: "test")
            try scratch.write("b.md", "here\n")
            let head = try scratch.commitAll(repository, message: "second")
            try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: scratch.networkOptions)
            #expect(try remote.git("rev-parse", "main") == head.description)
            #expect(try repository.advertisedReferences(remote: "origin", options: scratch.networkOptions).contains("refs/heads/main"))
            // The configuration keeps the URL as written.
            #expect(try repository.remote(named: "origin")?.url == "../remote.git")
        }
    }

    @Test func aRelativePushURLIsReadFromTheWorkTreeToo() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            let mirror = try scratch.bareRemote("mirror.git")
            let (repository, head) = try scratch.repositoryWithCommits([["a.md": "one\n"]])
            try repository.addRemote(name: "origin", url: remote.url.path(percentEncoded: false))
            try repository.setConfig("remote.origin.pushurl", "../mirror.git")
            try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: scratch.networkOptions)
            #expect(try mirror.git("rev-parse", "main") == head.description)
            #expect(try remote.git.run(["rev-parse", "--verify", "-q", "main"]).status != 0)
        }
    }

    @Test func aMissingRelativeFolderIsNamedWhereItWasLookedFor() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try repository.addRemote(name: "origin", url: "../gone.git")
            #expect {
                try repository.fetch(remote: "origin", options: scratch.networkOptions)
            } throws: { error in
                guard let error = error as? GitError else { return false }
                // Where it was looked for: beside the work tree, not beside the test runner.
                return error.message.contains("the remote's folder /") && error.message.contains("/repo/../gone.git does not exist")
            }
        }
    }
}
