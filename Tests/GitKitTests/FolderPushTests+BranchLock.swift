import Foundation
import GitKit
import TestSupport
import Testing

/// The branch update of a push into a folder remote, under the lock the push takes itself: what
/// it checks under the lock, which reference it moves, and what else it writes as git would.
extension FolderPushTests {
    /// A repository with `count` commits (one file each), `origin` the bare remote, and the commits.
    private func pushing(_ scratch: Scratch, commits count: Int) throws -> (Repository, [ObjectID], (url: URL, git: GitCLI)) {
        let remote = try scratch.bareRemote()
        let repository = try Repository.create(at: scratch.root)
        var commits: [ObjectID] = []
        for index in 0..<count {
            try scratch.write("\(index).md", "\(index)\n")
            commits.append(try scratch.commitAll(repository, message: "commit \(index)", secondsLater: Double(index) * 60))
        }
        try repository.addRemote(name: "origin", url: remote.url.path(percentEncoded: false))
        return (repository, commits, remote)
    }

    private func pushMain(_ repository: Repository, _ options: NetworkOptions) throws {
        try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], options: options)
    }

    @Test func aBranchMovedAfterTheLockIsTakenIsRejectedAndTheLockRemoved() throws {
        try Scratch.with { scratch in
            let (repository, commits, remote) = try pushing(scratch, commits: 1)
            try pushMain(repository, scratch.networkOptions)
            try scratch.write("late.md", "late\n")
            let next = try scratch.commitAll(repository, message: "late", secondsLater: 120)
            let branch = remote.url.appending(path: "refs/heads/main")
            var options = scratch.networkOptions
            var released: [FolderRefLock] = []
            options.folderLockTaken = { _ in
                // Another writer that ignores the lock moves the branch between lock and check.
                try? Data((commits[0].description.reversed() + "\n").utf8).write(to: branch)
            }
            options.folderLockReleased = { released.append($0) }
            let error = try #require(throws: GitError.self) { try pushMain(repository, options) }
            #expect(error.code == .rejected, "\(error)")
            #expect(released.count == 1)
            #expect(!FileManager.default.fileExists(atPath: branch.path(percentEncoded: false) + ".lock"))
            #expect(try String(contentsOf: branch, encoding: .utf8) == String(commits[0].description.reversed()) + "\n",
                    "the branch another writer moved was replaced by \(next)")
        }
    }

    /// A push that fails while its lock cannot be removed (the remote's folder went read-only)
    /// leaves the lock and its twin, and keeps their record: it is not told the lock is gone.
    @Test(.enabled(if: ImmutableFolder.available))
    func aLockThatCannotBeRemovedIsNotReportedGone() throws {
        try Scratch.with { scratch in
            let (repository, commits, remote) = try pushing(scratch, commits: 1)
            try pushMain(repository, scratch.networkOptions)
            try scratch.write("late.md", "late\n")
            _ = try scratch.commitAll(repository, message: "late", secondsLater: 120)
            let heads = remote.url.appending(path: "refs/heads").path(percentEncoded: false)
            var options = scratch.networkOptions
            var taken: [FolderRefLock] = []
            var released: [FolderRefLock] = []
            options.folderLockTaken = { lock in
                taken.append(lock)
                // Another writer moves the branch (in place), and the folder goes read-only.
                try? Data((String(commits[0].description.reversed()) + "\n").utf8).write(to: URL(fileURLWithPath: heads + "/main"))
                ImmutableFolder.set(heads, true)
            }
            options.folderLockReleased = { released.append($0) }
            defer { ImmutableFolder.set(heads, false) }
            let error = try #require(throws: GitError.self) { try pushMain(repository, options) }
            #expect(error.code == .rejected, "\(error)")
            let lock = try #require(taken.first)
            #expect(released.isEmpty, "reported gone while still there")
            #expect(FileManager.default.fileExists(atPath: lock.path) && FileManager.default.fileExists(atPath: lock.twin))
            ImmutableFolder.set(heads, false)
        }
    }

    /// A lock someone else holds (git's own, here) makes the push fail with `.locked`, naming it;
    /// that lock is left as it was, and nothing of this push's is: no twin, its record released.
    @Test func aBranchLockedByAnotherIsRefusedAndNothingOfThePushStays() throws {
        try Scratch.with { scratch in
            let (repository, _, remote) = try pushing(scratch, commits: 1)
            let heads = remote.url.appending(path: "refs/heads").path(percentEncoded: false)
            try FileManager.default.createDirectory(atPath: heads, withIntermediateDirectories: true)
            let theirs = Data("0123456789012345678901234567890123456789\n".utf8)
            try theirs.write(to: URL(fileURLWithPath: heads + "/main.lock"))
            var options = scratch.networkOptions
            var taking: [FolderRefLock] = []
            var released: [FolderRefLock] = []
            options.folderLockTaking = { taking.append($0) }
            options.folderLockTaken = { Issue.record("reported a lock it did not take: \($0)") }
            options.folderLockReleased = { released.append($0) }
            let error = try #require(throws: GitError.self) { try pushMain(repository, options) }
            #expect(error.code == .locked, "\(error)")
            #expect("\(error)".contains(heads + "/main.lock"), "\(error)")
            #expect(taking.count == 1 && released == taking)
            #expect(try FileManager.default.contentsOfDirectory(atPath: heads) == ["main.lock"])
            #expect(FileManager.default.contents(atPath: heads + "/main.lock") == theirs)
        }
    }

    @Test func aPackedBranchIsMovedByALooseOne() throws {
        try Scratch.with { scratch in
            let (repository, _, remote) = try pushing(scratch, commits: 1)
            try pushMain(repository, scratch.networkOptions)
            try remote.git("pack-refs", "--all")
            #expect(!FileManager.default.fileExists(atPath: remote.url.appending(path: "refs/heads/main").path(percentEncoded: false)))
            try scratch.write("next.md", "next\n")
            let next = try scratch.commitAll(repository, message: "next", secondsLater: 120)
            try pushMain(repository, scratch.networkOptions)
            #expect(try remote.git("rev-parse", "main") == next.description)
            #expect(try remote.git.run(["fsck", "--strict"]).status == 0)
        }
    }

    @Test func aSymbolicBranchMovesTheBranchItNames() throws {
        try Scratch.with { scratch in
            let (repository, _, remote) = try pushing(scratch, commits: 1)
            try pushMain(repository, scratch.networkOptions)
            try remote.git("update-ref", "refs/heads/trunk", "main")
            try remote.git("symbolic-ref", "refs/heads/main", "refs/heads/trunk")
            try scratch.write("next.md", "next\n")
            let next = try scratch.commitAll(repository, message: "next", secondsLater: 120)
            var locked: [String] = []
            var options = scratch.networkOptions
            options.folderLockTaken = { locked.append($0.path) }
            try pushMain(repository, options)
            #expect(locked.count == 1 && locked[0].hasSuffix("/refs/heads/trunk.lock"), "\(locked)")
            #expect(try remote.git("symbolic-ref", "refs/heads/main") == "refs/heads/trunk")
            #expect(try remote.git("rev-parse", "trunk") == next.description)
            #expect(try remote.git.run(["fsck", "--strict"]).status == 0)
        }
    }

    @Test func aSymbolicBranchNamingNothingCreatesTheBranchItNames() throws {
        try Scratch.with { scratch in
            let (repository, commits, remote) = try pushing(scratch, commits: 1)
            try remote.git("symbolic-ref", "refs/heads/main", "refs/heads/trunk")
            try pushMain(repository, scratch.networkOptions)
            #expect(try remote.git("symbolic-ref", "refs/heads/main") == "refs/heads/trunk")
            #expect(try remote.git("rev-parse", "trunk") == commits[0].description)
        }
    }

    /// `core.sharedRepository` as git's adjust_shared_perm reads it: `group` adds group write,
    /// an octal mode replaces the permissions.
    @Test(arguments: [("group", 0o020, 0o020), ("0640", 0o777, 0o640)])
    func aSharedRemoteKeepsItsPermissionsOnTheBranch(setting: String, mask: Int, expected: Int) throws {
        try Scratch.with { scratch in
            let (repository, _, remote) = try pushing(scratch, commits: 1)
            try remote.git("config", "core.sharedRepository", setting)
            try pushMain(repository, scratch.networkOptions)
            let attributes = try FileManager.default.attributesOfItem(atPath: remote.url.appending(path: "refs/heads/main").path(percentEncoded: false))
            let mode = try #require(attributes[.posixPermissions] as? Int)
            #expect(mode & mask == expected, "mode \(String(mode, radix: 8))")
        }
    }

    /// A bare remote keeps no reflogs by default, but one that exists is appended to, as git
    /// does, and HEAD's too when it points at the branch; none is created.
    @Test func existingReflogsOfABareRemoteAreAppendedTo() throws {
        try Scratch.with { scratch in
            let (repository, commits, remote) = try pushing(scratch, commits: 1)
            let logs = remote.url.appending(path: "logs")
            try FileManager.default.createDirectory(at: logs.appending(path: "refs/heads"), withIntermediateDirectories: true)
            try Data().write(to: logs.appending(path: "refs/heads/main"))
            try Data().write(to: logs.appending(path: "HEAD"))
            try pushMain(repository, scratch.networkOptions)
            #expect(try remote.git("reflog", "show", "--format=%H %gs", "main") == "\(commits[0]) push")
            #expect(try remote.git("reflog", "show", "--format=%H %gs", "HEAD") == "\(commits[0]) push")

            try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/other"], options: scratch.networkOptions)
            #expect(!FileManager.default.fileExists(atPath: logs.appending(path: "refs/heads/other").path(percentEncoded: false)))
        }
    }
}
