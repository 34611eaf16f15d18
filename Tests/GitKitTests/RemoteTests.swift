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

    /// One handle looks a remote up once and copies it after (libgit2 1.5.1 leaks in every
    /// lookup): whatever git changes in the configuration meanwhile is still seen, as a fresh
    /// lookup would see it.
    @Test func aHandleSeesEveryConfigurationChangeAfterItsFirstLookUp() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try repository.addRemote(name: "origin", url: "/a.git")
            #expect(try repository.remote(named: "origin") == Remote(name: "origin", url: "/a.git"))
            try scratch.git("remote", "set-url", "origin", "/b.git")
            try scratch.git("config", "remote.origin.pushurl", "/c.git")
            let changed = try repository.remote(named: "origin")
            #expect(changed == Remote(name: "origin", url: "/b.git", pushURL: "/c.git"))
            #expect(changed?.pushDestination == "/c.git")
            // A rewrite by url.<base>.insteadOf and pushInsteadOf, set after the lookups above.
            try scratch.git("remote", "set-url", "origin", "host:journal.git")
            try scratch.git("config", "--unset", "remote.origin.pushurl")
            try scratch.git("config", "url./srv/.insteadOf", "host:")
            try scratch.git("config", "url./push/.pushInsteadOf", "host:")
            #expect(try repository.remote(named: "origin") == Remote(name: "origin", url: "/srv/journal.git", pushURL: "/push/journal.git"))
            try scratch.git("remote", "remove", "origin")
            #expect(try repository.remote(named: "origin") == nil)
            #expect(try repository.remotes().isEmpty)
        }
    }

    /// The names `git_remote_list` gives: every remote with a URL or only a push URL, a name
    /// with dots in it too; nothing for other `remote.*` keys.
    @Test func remotesListsEveryNameWithAURLOrAPushURL() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.git("config", "remote.with.dots.url", "/dots.git")
            try scratch.git("config", "remote.mirror.pushurl", "/mirror.git")
            try scratch.git("config", "remote.pushDefault", "mirror")
            try scratch.git("config", "remote.nourl.fetch", "+refs/heads/*:refs/remotes/nourl/*")
            #expect(try repository.remotes() == [
                Remote(name: "mirror", url: "", pushURL: "/mirror.git"),
                Remote(name: "with.dots", url: "/dots.git"),
            ])
        }
    }

    /// A fetch and a push through one handle after the remote moved to another folder go to
    /// the new one, and move the remote-tracking branch as before.
    @Test func fetchAndPushThroughOneHandleFollowAMovedRemote() throws {
        try Scratch.with { scratch in
            let first = try scratch.bareRemote("first.git")
            let second = try scratch.bareRemote("second.git")
            let (repository, head) = try scratch.repositoryWithCommits([["a.md": "one\n"]])
            try repository.addRemote(name: "origin", url: first.url.path(percentEncoded: false))
            try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: scratch.networkOptions)
            try repository.fetch(remote: "origin", options: scratch.networkOptions)
            #expect(try first.git("rev-parse", "main") == head.description)
            try scratch.git("remote", "set-url", "origin", second.url.path(percentEncoded: false))
            try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/moved"], options: scratch.networkOptions)
            #expect(try second.git("rev-parse", "moved") == head.description)
            #expect(try first.git.run(["rev-parse", "--verify", "-q", "moved"]).status != 0)
            try repository.fetch(remote: "origin", options: scratch.networkOptions)
            #expect(try repository.referenceTarget("refs/remotes/origin/moved") == head)
        }
    }
}
