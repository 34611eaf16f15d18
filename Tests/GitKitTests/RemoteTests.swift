import Foundation
import GitKit
import Testing

/// Configuring remotes, checked against `git remote -v`.
struct RemoteTests {
    @Test func addListAndLookUp() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            #expect(try repository.remotes().isEmpty)
            #expect(try repository.remote(named: "origin") == nil)

            let origin = try repository.addRemote(name: "origin", url: "/srv/notebook.git")
            try repository.addRemote(name: "backup", url: "ssh://git@example.com/notebook.git")
            #expect(origin == Remote(name: "origin", url: "/srv/notebook.git"))
            #expect(try repository.remotes() == [
                Remote(name: "backup", url: "ssh://git@example.com/notebook.git"),
                Remote(name: "origin", url: "/srv/notebook.git"),
            ])
            #expect(try repository.remote(named: "origin") == origin)
            #expect(try scratch.git("config", "--get", "remote.origin.fetch") == "+refs/heads/*:refs/remotes/origin/*")
            #expect(try scratch.git("remote", "get-url", "backup") == "ssh://git@example.com/notebook.git")
        }
    }

    @Test func duplicateNameIsExists() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try repository.addRemote(name: "origin", url: "/a")
            let error = try #require(throws: GitError.self) { try repository.addRemote(name: "origin", url: "/b") }
            #expect(error.code == .exists)
            #expect(try repository.remote(named: "origin")?.url == "/a")
        }
    }

    @Test func remoteAddedByGitIsSeen() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.git("remote", "add", "origin", "https://example.com/notebook.git")
            #expect(try repository.remotes() == [Remote(name: "origin", url: "https://example.com/notebook.git")])
        }
    }
}
