import Foundation
import GitKit
import Testing

/// Fetching from local bare remotes, checked against `git rev-parse` in the remote.
struct FetchTests {
    @Test(arguments: [false, true])
    func fetchUpdatesRemoteTrackingBranch(fileURL: Bool) throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            let other = try scratch.cliClone(of: remote.url, into: "other")
            try scratch.write("a.md", "day one\n", in: other)
            try other.commitAll("first")
            try other("push", "-q", "origin", "HEAD:main")

            let repository = try Repository.create(at: scratch.root)
            let url = fileURL ? remote.url.absoluteString : remote.url.path(percentEncoded: false)
            try repository.addRemote(name: "origin", url: url)
            try repository.fetch(remote: "origin", options: scratch.networkOptions)
            let expected = try remote.git("rev-parse", "main")
            #expect(try repository.referenceTarget("refs/remotes/origin/main")?.description == expected)
            #expect(try scratch.git("rev-parse", "origin/main") == expected)

            // A second commit on the remote moves the tracking branch on the next fetch.
            try scratch.write("b.md", "day two\n", in: other)
            try other.commitAll("second")
            try other("push", "-q", "origin", "HEAD:main")
            try repository.fetch(remote: "origin", options: scratch.networkOptions)
            #expect(try repository.referenceTarget("refs/remotes/origin/main")?.description == (try remote.git("rev-parse", "main")))
            #expect(try scratch.git.run(["fsck"]).status == 0)
        }
    }

    @Test func fetchPrunesNothing() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            let other = try scratch.cliClone(of: remote.url, into: "other")
            try scratch.write("a.md", "x\n", in: other)
            try other.commitAll("first")
            try other("push", "-q", "origin", "HEAD:main", "HEAD:refs/heads/feature")

            let repository = try Repository.create(at: scratch.root)
            try repository.addRemote(name: "origin", url: remote.url.path(percentEncoded: false))
            try repository.fetch(remote: "origin", options: scratch.networkOptions)
            try other("push", "-q", "origin", ":refs/heads/feature")
            try repository.fetch(remote: "origin", options: scratch.networkOptions)
            #expect(try repository.referenceTarget("refs/remotes/origin/feature") != nil)
        }
    }

    @Test func fetchByURLWithRefspecs() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            let other = try scratch.cliClone(of: remote.url, into: "other")
            try scratch.write("a.md", "x\n", in: other)
            try other.commitAll("first")
            try other("push", "-q", "origin", "HEAD:main")

            let repository = try Repository.create(at: scratch.root)
            try repository.fetch(
                remote: remote.url.absoluteString, refspecs: ["+refs/heads/main:refs/remotes/elsewhere/main"],
                options: scratch.networkOptions
            )
            #expect(try repository.referenceTarget("refs/remotes/elsewhere/main")?.description == (try remote.git("rev-parse", "main")))
            #expect(try repository.remotes().isEmpty)
        }
    }

    @Test func unknownRemoteNameIsNotFound() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            let error = try #require(throws: GitError.self) { try repository.fetch(remote: "origin", options: scratch.networkOptions) }
            #expect(error.code == .notFound)
            #expect(error.description.contains("no remote named 'origin'"))
        }
    }

    @Test func progressIsReportedForAFetchOfHundredsOfObjects() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            let other = try scratch.cliClone(of: remote.url, into: "other")
            for day in 1...150 {
                try scratch.write("days/\(day / 30)/\(day).md", "entry \(day)\n\(String(repeating: "words \(day) ", count: 40))\n", in: other)
            }
            try other.commitAll("many days")
            try other("push", "-q", "origin", "HEAD:main")
            let objectCount = Int(try remote.git("rev-list", "--objects", "--all").split(separator: "\n").count)
            #expect(objectCount > 150)

            let repository = try Repository.create(at: scratch.root)
            try repository.addRemote(name: "origin", url: remote.url.absoluteString)
            var reports: [TransferProgress] = []
            var options = scratch.networkOptions
            options.progress = { reports.append($0) }
            try repository.fetch(remote: "origin", options: options)
            let last = try #require(reports.last)
            #expect(reports.count > 1)
            #expect(last.totalObjects == objectCount)
            #expect(last.receivedObjects == objectCount)
            #expect(last.indexedObjects == objectCount)
            #expect(last.receivedBytes > 0)
        }
    }
}
