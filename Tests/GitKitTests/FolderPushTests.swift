import Foundation
import GitKit
import TestSupport
import Testing

/// The push into a folder remote (`pushToFolder`): what it refuses, what it treats as done once
/// the remote's branch moved, and what it leaves in the remote.
struct FolderPushTests {
    /// A bare remote holding one commit on main, and the git CLI clone that pushed it.
    private func seeded(_ scratch: Scratch) throws -> (remote: (url: URL, git: GitCLI), seed: GitCLI) {
        let remote = try scratch.bareRemote()
        let seed = try scratch.cliClone(of: remote.url, into: "seed")
        try scratch.write("s.md", "seed\n", in: seed)
        try seed.commitAll("seed")
        try seed("push", "-q", "origin", "HEAD:main")
        return (remote, seed)
    }

    @Test func aTrackingRefLockedHereDoesNotFailAPushTheRemoteTook() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            let (repository, head) = try scratch.repositoryWithCommits([["a.md": "one\n"]])
            try repository.addRemote(name: "origin", url: remote.url.path(percentEncoded: false))
            // A `git fetch` the user runs here, writing origin/main.
            let lock = repository.gitDirectory.appending(path: "refs/remotes/origin/main.lock")
            try FileManager.default.createDirectory(at: lock.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data().write(to: lock)
            try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: scratch.networkOptions)
            #expect(try remote.git("rev-parse", "main") == head.description)
        }
    }

    @Test func aFolderRemoteWithAWorkTreeIsRefusedAndKeepsItsBranch() throws {
        try Scratch.with { scratch in
            let (remote, _) = try seeded(scratch)
            let other = try scratch.cliClone(of: remote.url, into: "other")
            let before = try other("rev-parse", "main")
            let (repository, _) = try scratch.repositoryWithCommits([["a.md": "one\n"]])
            try repository.addRemote(name: "desk", url: other.directory.path(percentEncoded: false))
            let error = try #require(throws: GitError.self) {
                try repository.push(remote: "desk", refspecs: ["refs/heads/main:refs/heads/main"], options: scratch.networkOptions)
            }
            #expect(error.code == .remoteNotBare, "\(error)")
            #expect(error.message.contains("work tree") && !error.message.contains("fetch"), "\(error.message)")
            #expect(try other("rev-parse", "main") == before)
        }
    }

    @Test func anUnbornHeadIsPointedOnlyInABareRepository() throws {
        try Scratch.with { scratch in
            let (_, seed) = try seeded(scratch)
            try seed("symbolic-ref", "HEAD", "refs/heads/master")
            #expect(try Repository.open(at: seed.directory).pointUnbornHead(at: "main") == false)
            #expect(try seed("symbolic-ref", "HEAD") == "refs/heads/master")
        }
    }

    @Test func aPushLeavesOnlyPublishedPacksInTheRemote() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            let (repository, _) = try scratch.repositoryWithCommits([["a.md": "one\n"], ["b.md": "two\n"]])
            try repository.addRemote(name: "origin", url: remote.url.path(percentEncoded: false))
            try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: scratch.networkOptions)
            let objects = try FileManager.default.contentsOfDirectory(atPath: remote.url.appending(path: "objects").path(percentEncoded: false))
            #expect(!objects.contains { $0.hasPrefix("incoming") }, "\(objects)")
            let packs = try FileManager.default.contentsOfDirectory(atPath: remote.url.appending(path: "objects/pack").path(percentEncoded: false))
            #expect(packs.filter { $0.hasSuffix(".pack") }.count == 1 && packs.filter { $0.hasSuffix(".idx") }.count == 1, "\(packs)")
            #expect(try remote.git.run(["fsck", "--strict"]).status == 0)
        }
    }

    /// The branch's lock is taken by the push itself and reported while held (the caller records
    /// it, to prove it its own if a kill leaves it), then reported gone; a remote that keeps
    /// reflogs gets its entry, as git would write it.
    @Test func theBranchLockIsReportedWhileHeldAndGoneAfter() throws {
        try Scratch.with { scratch in
            let remote = try scratch.bareRemote()
            try remote.git("config", "core.logAllRefUpdates", "true")
            let (repository, head) = try scratch.repositoryWithCommits([["a.md": "one\n"]])
            try repository.addRemote(name: "origin", url: remote.url.path(percentEncoded: false))
            var options = scratch.networkOptions
            var taking: [FolderRefLock] = []
            var taken: [FolderRefLock] = []
            var released: [FolderRefLock] = []
            options.folderLockTaking = { lock in
                taking.append(lock)
                // Heard of before anything of it exists, so a record made now names all it leaves.
                #expect(lock.stat == nil && lock.isTwinned)
                #expect(!FileManager.default.fileExists(atPath: lock.path) && !FileManager.default.fileExists(atPath: lock.twin))
            }
            options.folderLockTaken = { lock in
                taken.append(lock)
                #expect(FileStat.of(lock.path) == lock.stat, "the file reported is not the one there")
                // The twin is another name of the very file while it is held.
                let twin = FileStat.of(lock.twin)
                #expect(twin != nil && twin?.inode == lock.stat?.inode && twin?.device == lock.stat?.device, "\(lock)")
                #expect(taking.map(\.twin) == [lock.twin] && taking.map(\.path) == [lock.path])
                #expect((try? String(contentsOfFile: lock.path, encoding: .utf8)) == head.description + "\n")
                #expect(lock.value == head.description)
                #expect(released.isEmpty)
            }
            options.folderLockReleased = { released.append($0) }
            try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: options)
            #expect(taken.count == 1 && released == taken)
            #expect(taken.first?.path.hasSuffix("remote.git/refs/heads/main.lock") == true, "\(taken)")
            #expect(taken.first.map { FileManager.default.fileExists(atPath: $0.twin) } == false, "the twin outlived the push")
            let left = try FileManager.default.contentsOfDirectory(atPath: remote.url.appending(path: "refs/heads").path(percentEncoded: false))
            #expect(left == ["main"], "\(left)")
            #expect(!FileManager.default.fileExists(atPath: remote.url.appending(path: "refs/heads/main.lock").path(percentEncoded: false)))
            #expect(try remote.git("rev-parse", "main") == head.description)
            #expect(try remote.git("reflog", "show", "--format=%H %gs", "main") == "\(head) push")
            #expect(try remote.git.run(["fsck", "--strict"]).status == 0)
        }
    }
}
