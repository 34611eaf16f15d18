import Foundation
import GitKit
import Testing

/// Pushing to local bare remotes (written directly by libgit2) and to `git daemon` (where the
/// real `git receive-pack` runs hooks and `receive.*` checks).
struct PushTests {
    @Test func pushToBareRemote() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            let (repository, head) = try scratch.repositoryWithCommits([["a.md": "one\n"], ["dir/b.md": "two\n"]])
            try repository.addRemote(name: "origin", url: remote.url.path(percentEncoded: false))
            try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: scratch.networkOptions)

            #expect(try remote.git("rev-parse", "main") == head.description)
            #expect(try remote.git.run(["fsck", "--strict"]).status == 0)
            // libgit2 updates the remote-tracking branch after a successful push.
            #expect(try repository.referenceTarget("refs/remotes/origin/main") == head)
        }
    }

    @Test func aLockedRemoteBranchIsLockedNotRejected() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            let (repository, _) = try scratch.repositoryWithCommits([["a.md": "one\n"]])
            try repository.addRemote(name: "origin", url: remote.url.path(percentEncoded: false))
            // What a push killed while writing into this remote leaves behind.
            try Data().write(to: remote.url.appending(path: "refs/heads/main.lock"))
            #expect {
                try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: scratch.networkOptions)
            } throws: { error in
                guard let error = error as? GitError else { return false }
                return error.code == .locked && error.message.contains("main.lock")
            }
        }
    }

    @Test func nonFastForwardIsRejectedBeforeSending() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            let (repository, _) = try scratch.repositoryWithCommits([["a.md": "one\n"]])
            try repository.addRemote(name: "origin", url: remote.url.path(percentEncoded: false))
            try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: scratch.networkOptions)

            // Another device pushes; this one commits without fetching.
            let other = try scratch.cliClone(of: remote.url, into: "other")
            try scratch.write("other.md", "from the phone\n", in: other)
            try other.commitAll("phone")
            try other("push", "-q", "origin", "HEAD:main")
            let theirs = try remote.git("rev-parse", "main")
            try scratch.write("a.md", "laptop\n")
            try scratch.commitAll(repository, message: "laptop", secondsLater: 60)
            try repository.fetch(remote: "origin", options: scratch.networkOptions)

            let error = try #require(throws: GitError.self) {
                try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: scratch.networkOptions)
            }
            #expect(error.code == .rejected)
            #expect(error.message.contains("refs/heads/main"))
            #expect(error.message.contains("not a fast-forward"))
            // What happened, with the remote's commit; what to do is the caller's to say.
            #expect(error.message.contains(theirs) && !error.message.contains("merge first"), "\(error.message)")
            #expect(try remote.git("rev-parse", "main") == theirs)
        }
    }

    @Test func nonFastForwardWithoutFetchingIsRejected() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            let other = try scratch.cliClone(of: remote.url, into: "other")
            try scratch.write("other.md", "from the phone\n", in: other)
            try other.commitAll("phone")
            try other("push", "-q", "origin", "HEAD:main")
            let (repository, _) = try scratch.repositoryWithCommits([["a.md": "one\n"]])
            try repository.addRemote(name: "origin", url: remote.url.path(percentEncoded: false))

            let error = try #require(throws: GitError.self) {
                try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: scratch.networkOptions)
            }
            #expect(error.code == .rejected)
        }
    }

    @Test func hookRefusalIsRejectedWithTheHooksMessage() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            let hook = remote.url.appending(path: "hooks/pre-receive")
            try "#!/bin/sh\necho 'notebook is read-only today' >&2\nexit 1\n".write(to: hook, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path(percentEncoded: false))
            let daemon = try GitDaemon(basePath: scratch.base, home: scratch.git.home)
            defer { daemon.stop() }

            let (repository, _) = try scratch.repositoryWithCommits([["a.md": "one\n"]])
            try repository.addRemote(name: "origin", url: daemon.url("remote.git"))
            let error = try #require(throws: GitError.self) {
                try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: scratch.networkOptions)
            }
            #expect(error.code == .rejected)
            #expect(error.message.contains("refs/heads/main"))
            #expect(error.message.contains("pre-receive hook declined"))
            #expect(error.message.contains("notebook is read-only today"))
            #expect(try remote.git.run(["rev-parse", "--verify", "-q", "main"]).status != 0)
            #expect(try repository.referenceTarget("refs/remotes/origin/main") == nil)
        }
    }

    @Test func serverRefusesForcedNonFastForward() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            try remote.git("config", "receive.denyNonFastForwards", "true")
            let daemon = try GitDaemon(basePath: scratch.base, home: scratch.git.home)
            defer { daemon.stop() }

            let other = try scratch.cliClone(of: remote.url, into: "other")
            try scratch.write("other.md", "from the phone\n", in: other)
            try other.commitAll("phone")
            try other("push", "-q", "origin", "HEAD:main")
            let theirs = try remote.git("rev-parse", "main")

            let (repository, _) = try scratch.repositoryWithCommits([["a.md": "one\n"]])
            try repository.addRemote(name: "origin", url: daemon.url("remote.git"))
            try repository.fetch(remote: "origin", options: scratch.networkOptions)
            let error = try #require(throws: GitError.self) {
                try repository.push(remote: "origin", refspecs: ["+refs/heads/main:refs/heads/main"], options: scratch.networkOptions)
            }
            #expect(error.code == .rejected)
            #expect(error.message.contains("refs/heads/main"))
            #expect(error.message.contains("non-fast-forward"))
            #expect(try remote.git("rev-parse", "main") == theirs)
            #expect(try repository.referenceTarget("refs/remotes/origin/main")?.description == theirs)
        }
    }

    @Test func pushOverGitDaemonSucceedsAndReportsProgress() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            let daemon = try GitDaemon(basePath: scratch.base, home: scratch.git.home)
            defer { daemon.stop() }
            let (repository, head) = try scratch.repositoryWithCommits([["a.md": "one\n", "b/c.md": "two\n"]])
            try repository.addRemote(name: "origin", url: daemon.url("remote.git"))
            var reports: [TransferProgress] = []
            var options = scratch.networkOptions
            options.progress = { reports.append($0) }
            try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: options)
            #expect(try remote.git("rev-parse", "main") == head.description)
            #expect(try remote.git.run(["fsck", "--strict"]).status == 0)
            #expect(reports.last.map { $0.receivedObjects == $0.totalObjects && $0.totalObjects == 5 } == true)
        }
    }

    @Test func theLockFileIsReadFromLibgit2sAndReceivePacksWords() {
        let folder = GitError(code: .locked, errorClass: 4, message: "the remote refused to update refs/heads/main: failed to lock file '/srv/n.git/refs/heads/main.lock' for writing: ", operation: "push")
        #expect(folder.lockFile == "/srv/n.git/refs/heads/main.lock")
        let server = GitError(code: .locked, errorClass: 4, message: "the remote refused to update refs/heads/main: failed to update ref\nremote: error: cannot lock ref 'refs/heads/main': Unable to create '/srv/git/n.git/refs/heads/main.lock': File exists.", operation: "push")
        #expect(server.lockFile == "/srv/git/n.git/refs/heads/main.lock")
        #expect(GitError(code: .rejected, errorClass: 4, message: "non-fast-forward", operation: "push").lockFile == nil)
    }

    @Test func anUnbornRemoteHeadIsPointedAtThePushedBranchAndAnExistingOneStays() throws {
        try Scratch.with { scratch in
            // What `git init --bare` makes: HEAD on master, which will never exist.
            let remote = try scratch.bareRemote()
            try remote.git("symbolic-ref", "HEAD", "refs/heads/master")
            let (repository, head) = try scratch.repositoryWithCommits([["a.md": "one\n"]])
            try repository.addRemote(name: "origin", url: remote.url.path(percentEncoded: false))
            let bare = try Repository.open(at: remote.url)
            #expect(try bare.pointUnbornHead(at: "main") == false, "main does not exist yet")
            try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: scratch.networkOptions)
            #expect(try bare.pointUnbornHead(at: "main"))
            #expect(try remote.git("symbolic-ref", "HEAD") == "refs/heads/main")
            #expect(try remote.git("rev-parse", "HEAD") == head.description)
            // A HEAD on a branch that exists was chosen by someone: it stays.
            try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/pages"], options: scratch.networkOptions)
            try remote.git("symbolic-ref", "HEAD", "refs/heads/pages")
            #expect(try bare.pointUnbornHead(at: "main") == false)
            #expect(try remote.git("symbolic-ref", "HEAD") == "refs/heads/pages")
        }
    }
}
