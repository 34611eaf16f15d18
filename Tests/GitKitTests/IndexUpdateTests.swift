import Foundation
import GitKit
import Testing

/// Index maintenance after writing working files directly, checked with `git status --porcelain`.
struct IndexUpdateTests {
    @Test func updatesShowExactlyTheExpectedStatus() throws {
        try Scratch.with { scratch in
            let (repository, head) = try scratch.repositoryWithCommits([[
                "written.md": "v1\n", "merged.md": "base\n", "different.md": "base\n", "removed.md": "bye\n",
            ]])
            // hearth wrote these files itself, as a checkout would.
            try scratch.write("written.md", "v2\n")
            try scratch.write("new/entry.md", "new\n")
            // A merge result recorded in the index whose working file already has the same bytes...
            let merged = try repository.writeBlob(Data("merged\n".utf8))
            try scratch.write("merged.md", "merged\n")
            // ...and one whose working file the user changed in the meantime.
            let result = try repository.writeBlob(Data("merge result\n".utf8))
            try scratch.write("different.md", "the user's own edit\n")
            try scratch.remove("removed.md")

            try repository.updateIndex([
                .addFromWorkingTree(path: "written.md"),
                .addFromWorkingTree(path: "new/entry.md"),
                .set(path: "merged.md", id: merged, mode: FileMode.blob),
                .set(path: "different.md", id: result, mode: FileMode.blob),
                .remove(path: "removed.md"),
            ])

            let status = try scratch.git("status", "--porcelain", "-uall").split(separator: "\n").map(String.init)
            #expect(Set(status) == [
                "M  written.md", "A  new/entry.md", "M  merged.md", "MM different.md", "D  removed.md",
            ])
            #expect(try scratch.git("rev-parse", ":merged.md") == merged.description)
            #expect(try scratch.git("rev-parse", ":different.md") == result.description)
            #expect(try repository.headCommitID() == head)
        }
    }

    @Test func missingFileNamesThePath() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            let error = try #require(throws: GitError.self) {
                try repository.updateIndex([.addFromWorkingTree(path: "nope.md")])
            }
            #expect(error.path == "nope.md")
        }
    }
}
