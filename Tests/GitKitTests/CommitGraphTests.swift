import Foundation
import GitKit
import Testing

/// The commit-graph file GitKit writes: git accepts it, and a history walk that reads it (all
/// of it, or only the commits older than the newest ones) lists the same commits in the same order.
struct CommitGraphTests {
    @Test func aWalkOverTheGraphListsWhatAWalkOverTheCommitsDoes() throws {
        try Scratch.with { scratch in
            // Two devices, a merge, and a clock that ran backwards on one of them.
            let repository = try scratch.divergedDevices(laptop: 3, phone: 3, phoneStep: -600)
            try scratch.git("-c", "user.name=Test", "-c", "user.email=test@example.com", "merge", "-q", "--no-edit", "phone")
            // git's own file, which libgit2 1.5 cannot use, is replaced.
            try scratch.git("commit-graph", "write", "--reachable")
            let graph = scratch.root.appending(path: ".git/objects/info/commit-graph")
            let gits = try Data(contentsOf: graph)

            let head = try #require(try repository.headCommitID())
            let before = try Repository.open(at: scratch.root).log(from: head).map(\.id)
            try repository.writeCommitGraph()
            #expect(try Data(contentsOf: graph) != gits)
            try scratch.git("commit-graph", "verify")
            #expect(try Repository.open(at: scratch.root).log(from: head).map(\.id) == before)

            // Commits made after the file are read from their objects, the rest from the file.
            try scratch.write("laptop4.md", "4\n")
            let newest = try scratch.commitAll(repository, message: "laptop 4", secondsLater: 3600)
            let withGraph = try Repository.open(at: scratch.root).log(from: newest).map(\.id)
            #expect(withGraph == [newest] + before)
            try FileManager.default.removeItem(at: graph)
            #expect(try Repository.open(at: scratch.root).log(from: newest).map(\.id) == withGraph)
        }
    }
}
