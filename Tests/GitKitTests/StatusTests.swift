import Foundation
import GitKit
import Testing

/// `Repository.status` compared with `git status --porcelain`.
struct StatusTests {
    /// The two-letter porcelain v1 code git prints for these flags.
    private func porcelainCode(_ flags: StatusFlags) -> String {
        if flags.contains(.ignored) { return "!!" }
        if flags.contains(.workTreeNew) { return "??" }
        let index: Character =
            flags.contains(.indexNew) ? "A" : flags.contains(.indexModified) ? "M"
            : flags.contains(.indexDeleted) ? "D" : flags.contains(.indexRenamed) ? "R"
            : flags.contains(.indexTypeChange) ? "T" : " "
        let workTree: Character =
            flags.contains(.workTreeModified) ? "M" : flags.contains(.workTreeDeleted) ? "D"
            : flags.contains(.workTreeTypeChange) ? "T" : " "
        return String([index, workTree])
    }

    @Test func matchesGitPorcelain() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.write(".gitignore", "*.log\n")
            try scratch.write("modified.md", "v1\n")
            try scratch.write("deleted.md", "bye\n")
            try scratch.write("staged-then-edited.md", "v1\n")
            try scratch.commitAll(repository, message: "base")

            try scratch.write("modified.md", "v2\n")
            try scratch.remove("deleted.md")
            try scratch.write("new.md", "new\n")
            try scratch.write("deep/er/new.md", "nested untracked\n")
            try scratch.write("debug.log", "ignored\n")
            try scratch.write("added.md", "added\n")
            try scratch.write("staged-then-edited.md", "v2\n")
            try scratch.git("add", "added.md", "staged-then-edited.md")
            try scratch.write("staged-then-edited.md", "v3\n")

            let entries = try repository.status(includeIgnored: true)
            let ours = Set(entries.map { "\(porcelainCode($0.flags)) \($0.path)" })
            let theirs = Set(try scratch.git("status", "--porcelain", "--ignored", "-uall").split(separator: "\n").map(String.init))
            #expect(ours == theirs)

            let byPath = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0.flags) })
            #expect(byPath["modified.md"] == .workTreeModified)
            #expect(byPath["deleted.md"] == .workTreeDeleted)
            #expect(byPath["new.md"] == .workTreeNew)
            #expect(byPath["deep/er/new.md"] == .workTreeNew)
            #expect(byPath["debug.log"] == .ignored)
            #expect(byPath["added.md"] == .indexNew)
            #expect(byPath["staged-then-edited.md"] == [.indexModified, .workTreeModified])

            // Ignored files are left out unless asked for.
            #expect(try repository.status().contains { $0.path == "debug.log" } == false)
        }
    }

    @Test func stagedRenameReportsOldPath() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.write("old-name.md", "a long enough body so that rename detection is confident\n")
            try scratch.commitAll(repository, message: "base")
            try scratch.git("mv", "old-name.md", "new-name.md")
            let entries = try repository.status()
            #expect(entries == [StatusEntry(path: "new-name.md", oldPath: "old-name.md", flags: .indexRenamed)])
        }
    }

    /// A look that only reads never writes the index, so a read-only command cannot take
    /// `index.lock` from under a sync; the default refreshes stale stat data as `git status` does.
    @Test func onlyReadingLeavesTheIndexAsItWas() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.write("entry.md", "same\n")
            try scratch.commitAll(repository, message: "base")
            let index = scratch.root.appending(path: ".git/index")
            // The same bytes with a new mtime: the index's stat data is stale now.
            let file = scratch.root.appending(path: "entry.md").path(percentEncoded: false)
            var times = [timespec(tv_sec: 2_000_000_000, tv_nsec: 0), timespec(tv_sec: 2_000_000_000, tv_nsec: 0)]
            #expect(utimensat(AT_FDCWD, file, &times, 0) == 0)
            let before = try Data(contentsOf: index)
            #expect(try repository.status(refreshingIndex: false).isEmpty)
            #expect(try Data(contentsOf: index) == before)
            #expect(try repository.status().isEmpty)
            #expect(try Data(contentsOf: index) != before, "the default look refreshes the stat data")
        }
    }

    /// With `paths`, only those paths, matched literally: a name with wildcard characters is one
    /// file, and a path that is the start of another's name does not match it.
    @Test func onlyTheNamedPaths() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.write("days/a.md", "v1\n")
            try scratch.write("days/a.md.bak", "v1\n")
            try scratch.write("days/[ab].md", "v1\n")
            try scratch.commitAll(repository, message: "base")
            try scratch.write("days/a.md", "v2\n")
            try scratch.write("days/a.md.bak", "v2\n")
            try scratch.write("days/[ab].md", "v2\n")
            try scratch.write("days/b.md", "new\n")
            #expect(try repository.status().count == 4)
            #expect(try repository.status(paths: ["days/a.md"]) == [StatusEntry(path: "days/a.md", oldPath: nil, flags: .workTreeModified)])
            #expect(try repository.status(paths: ["days/[ab].md"]) == [StatusEntry(path: "days/[ab].md", oldPath: nil, flags: .workTreeModified)])
            #expect(try repository.status(paths: ["days/c.md"]).isEmpty)
        }
    }
}
