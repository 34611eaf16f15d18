import Foundation
import GitKit
import Testing

/// `Repository.status(memo:)`: the note that HEAD and the index were the same is used only for
/// the index and HEAD it was taken with; every way it could go stale gives the full status.
struct HeadIndexMemoTests {
    /// A memo beside the repository, outside the work tree (so it is no untracked file).
    private func memo(_ scratch: Scratch) -> HeadIndexMemo {
        HeadIndexMemo(file: scratch.root.appending(path: ".git/hearth/head-index"))
    }

    private func memoText(_ scratch: Scratch) -> String? {
        try? String(contentsOf: memo(scratch).file, encoding: .utf8)
    }

    /// The checksum git and libgit2 write at the end of the index file.
    private func indexChecksum(_ scratch: Scratch) throws -> String {
        try Data(contentsOf: scratch.root.appending(path: ".git/index")).suffix(20).map { String(format: "%02x", $0) }.joined()
    }

    /// The status with the memo, checked against the status without it and against git.
    private func statusWithMemo(_ repository: Repository, _ scratch: Scratch, refreshing: Bool = false) throws -> Set<String> {
        let with = try repository.status(refreshingIndex: refreshing, memo: memo(scratch))
        let without = try repository.status(refreshingIndex: false)
        #expect(with == without)
        return Set(with.map { "\($0.flags.rawValue) \($0.path)" })
    }

    private func base(_ scratch: Scratch) throws -> Repository {
        let repository = try Repository.create(at: scratch.root)
        try scratch.write("days/a.md", "a1\n")
        try scratch.write("days/b.md", "b1\n")
        try scratch.commitAll(repository, message: "base")
        #expect(try statusWithMemo(repository, scratch).isEmpty)
        #expect(memoText(scratch)?.contains(try indexChecksum(scratch)) == true, "a clean status is noted")
        return repository
    }

    /// HEAD moved while the index stayed byte for byte the same (`git reset --soft`): the memo's
    /// HEAD tree no longer matches, so the staged difference shows. A memo forged for the new
    /// HEAD hides it, which shows that the memo is what a status with it goes by.
    @Test func aMovedHeadIsSeen() throws {
        try Scratch.with { scratch in
            let repository = try base(scratch)
            try scratch.write("days/a.md", "a2\n")
            try scratch.write("days/c.md", "c1\n")
            try scratch.commitAll(repository, message: "second", secondsLater: 60)
            #expect(try statusWithMemo(repository, scratch).isEmpty)
            let noted = try #require(memoText(scratch))
            let index = try Data(contentsOf: scratch.root.appending(path: ".git/index"))
            let oldTree = try scratch.git("rev-parse", "HEAD^{tree}").trimmingCharacters(in: .whitespacesAndNewlines)
            try scratch.git("reset", "-q", "--soft", "HEAD~1")
            #expect(try Data(contentsOf: scratch.root.appending(path: ".git/index")) == index)
            let staged = try statusWithMemo(repository, scratch)
            #expect(staged == ["\(StatusFlags.indexModified.rawValue) days/a.md", "\(StatusFlags.indexNew.rawValue) days/c.md"])

            let newTree = try scratch.git("rev-parse", "HEAD^{tree}").trimmingCharacters(in: .whitespacesAndNewlines)
            try Data(noted.replacingOccurrences(of: oldTree, with: newTree).utf8).write(to: memo(scratch).file)
            #expect(try repository.status(refreshingIndex: false, memo: memo(scratch)).isEmpty)
        }
    }

    /// The index changed behind hearth's back (`git add`, `git rm --cached`, `git checkout` of
    /// another branch, a merge with conflicts): the full status, every time.
    @Test func aChangedIndexIsSeen() throws {
        try Scratch.with { scratch in
            let repository = try base(scratch)
            try scratch.write("days/a.md", "a2\n")
            try scratch.git("add", "days/a.md")
            #expect(try statusWithMemo(repository, scratch) == ["\(StatusFlags.indexModified.rawValue) days/a.md"])
            try scratch.git("reset", "-q", "--hard")
            #expect(try statusWithMemo(repository, scratch).isEmpty)

            try scratch.git("rm", "-q", "--cached", "days/b.md")
            #expect(try statusWithMemo(repository, scratch) == ["\(StatusFlags([.indexDeleted, .workTreeNew]).rawValue) days/b.md"])
            try scratch.git("reset", "-q", "--hard")
            #expect(try statusWithMemo(repository, scratch).isEmpty)

            try scratch.git("checkout", "-q", "-b", "other")
            try scratch.write("days/a.md", "other\n")
            try scratch.git("-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-am", "other")
            #expect(try statusWithMemo(repository, scratch).isEmpty)
            try scratch.git("checkout", "-q", "-")
            #expect(try statusWithMemo(repository, scratch).isEmpty)
            try scratch.write("days/a.md", "main\n")
            try scratch.git("-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-am", "main")
            #expect(try statusWithMemo(repository, scratch).isEmpty)
            _ = try? scratch.git("-c", "user.name=t", "-c", "user.email=t@e", "merge", "-q", "other")
            #expect(try statusWithMemo(repository, scratch).contains("\(StatusFlags.conflicted.rawValue) days/a.md"))
        }
    }

    /// A stage whose index write another process's `index.lock` refuses leaves nothing of its
    /// edits in the handle's index: the memo (keyed by the file's checksum, which the unsaved
    /// edits do not change) would otherwise hide the staged-in-memory file, which the work tree
    /// then matches, from a later status on the same handle.
    @Test func aRefusedIndexWriteLeavesNoUnsavedEdits() throws {
        try Scratch.with { scratch in
            let repository = try base(scratch)
            try scratch.write("days/a.md", "a2\n")
            let lock = scratch.root.appending(path: ".git/index.lock")
            try Data().write(to: lock)
            #expect(throws: GitError.self) { try repository.stage(paths: ["days/a.md"]) }
            try FileManager.default.removeItem(at: lock)
            #expect(try statusWithMemo(repository, scratch) == ["\(StatusFlags.workTreeModified.rawValue) days/a.md"])
        }
    }

    /// A damaged memo is no memo (and is written anew); a memo that cannot be written costs only
    /// the shortcut.
    @Test func aDamagedOrUnwritableMemoIsNoMemo() throws {
        try Scratch.with { scratch in
            let repository = try base(scratch)
            try scratch.write("days/a.md", "a2\n")
            try scratch.git("add", "days/a.md")
            try Data("hearth head-index memo 1\n\u{0}garbage".utf8).write(to: memo(scratch).file)
            #expect(try statusWithMemo(repository, scratch) == ["\(StatusFlags.indexModified.rawValue) days/a.md"])
            try scratch.git("reset", "-q", "--hard")
            #expect(try statusWithMemo(repository, scratch).isEmpty)
            #expect(memoText(scratch)?.contains(try indexChecksum(scratch)) == true)

            // Its folder is a file: nothing can be written there.
            let blocked = HeadIndexMemo(file: scratch.root.appending(path: ".git/HEAD/head-index"))
            #expect(try repository.status(memo: blocked).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: blocked.file.path(percentEncoded: false)))
        }
    }

    /// A status that refreshes stale stat data rewrites the index; HEAD and the index still
    /// agree, and the memo follows the new checksum. An edit of the same size within the same
    /// second as the index write is still seen (racy git).
    @Test func aRefreshedIndexIsNotedAndEditsAreSeen() throws {
        try Scratch.with { scratch in
            let repository = try base(scratch)
            let file = scratch.root.appending(path: "days/a.md").path(percentEncoded: false)
            var times = [timespec(tv_sec: 2_000_000_000, tv_nsec: 0), timespec(tv_sec: 2_000_000_000, tv_nsec: 0)]
            #expect(utimensat(AT_FDCWD, file, &times, 0) == 0)
            let before = try indexChecksum(scratch)
            #expect(try statusWithMemo(repository, scratch, refreshing: true).isEmpty)
            let after = try indexChecksum(scratch)
            #expect(after != before)
            #expect(memoText(scratch)?.contains(after) == true)

            try scratch.write("days/a.md", "a9\n")
            #expect(try statusWithMemo(repository, scratch, refreshing: true) == ["\(StatusFlags.workTreeModified.rawValue) days/a.md"])
            try scratch.write("days/b.md", "b9\n")
            try scratch.write("days/new.md", "new\n")
            #expect(try statusWithMemo(repository, scratch) == [
                "\(StatusFlags.workTreeModified.rawValue) days/a.md", "\(StatusFlags.workTreeModified.rawValue) days/b.md",
                "\(StatusFlags.workTreeNew.rawValue) days/new.md",
            ])
        }
    }
}
