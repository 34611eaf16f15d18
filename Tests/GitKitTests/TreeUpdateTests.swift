import Foundation
import GitKit
import TestSupport
import Testing

/// Blobs and trees written without touching the work tree, checked against `git ls-tree` and
/// against the tree git builds from the same edits in a temporary index.
struct TreeUpdateTests {
    @Test func writeBlobMatchesHashObject() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            let bytes = Data([0x00, 0xff, 0x41, 0x0a])
            let id = try repository.writeBlob(bytes)
            try scratch.write("raw.bin", bytes)
            #expect(id.description == (try scratch.git("hash-object", "raw.bin")))
            #expect(try repository.blob(id) == bytes)
            #expect(try repository.writeBlob(Data()).description == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
        }
    }

    @Test func nestedUpsertsAndRemovalsMatchGit() throws {
        try Scratch.with { scratch in
            let (repository, commit) = try scratch.repositoryWithCommits([[
                "a.md": "a\n", "days/2026/01.md": "one\n", "days/2026/02.md": "two\n",
                "days/2025/12.md": "old\n", "notes/x.md": "x\n",
            ]])
            let base = try repository.treeID(ofCommit: commit)
            let new = try repository.writeBlob(Data("new\n".utf8))
            let changed = try repository.writeBlob(Data("changed\n".utf8))
            let script = try repository.writeBlob(Data("#!/bin/sh\n".utf8))
            // Deliberately out of order, with a whole directory emptied and a new deep path.
            let updates: [TreeUpdate] = [
                .upsert(path: "weeks/2026/W01.md", id: new, mode: FileMode.blob),
                .remove(path: "days/2025/12.md"),
                .upsert(path: "days/2026/01.md", id: changed, mode: FileMode.blob),
                .upsert(path: "a.md", id: changed, mode: FileMode.blob),
                .upsert(path: "bin/run", id: script, mode: FileMode.executable),
                .remove(path: "notes/x.md"),
                .upsert(path: "days/2026/00.md", id: new, mode: FileMode.blob),
            ]
            let tree = try repository.updatedTree(base, applying: updates)

            let listing = try scratch.git("ls-tree", "-r", "--format=%(objectmode) %(objectname) %(path)", tree.description)
            #expect(listing.split(separator: "\n").map(String.init) == [
                "100644 \(changed) a.md",
                "100755 \(script) bin/run",
                "100644 \(new) days/2026/00.md",
                "100644 \(changed) days/2026/01.md",
                "100644 \(try scratch.git("rev-parse", "\(commit):days/2026/02.md")) days/2026/02.md",
                "100644 \(new) weeks/2026/W01.md",
            ])
            #expect(try scratch.git("ls-tree", "-d", "--name-only", tree.description).split(separator: "\n") == ["bin", "days", "weeks"])
            #expect(try repository.treeEntry(path: "days/2025", inTree: tree) == nil)

            // git builds the same tree from the same edits.
            let index = scratch.base.appending(path: "tmp-index").path(percentEncoded: false)
            try scratch.git("read-tree", "--index-output=\(index)", base.description)
            let expected = try git(withIndex: index, scratch: scratch, [
                ["update-index", "--add", "--cacheinfo", "100644,\(new),weeks/2026/W01.md"],
                ["update-index", "--force-remove", "days/2025/12.md"],
                ["update-index", "--cacheinfo", "100644,\(changed),days/2026/01.md"],
                ["update-index", "--cacheinfo", "100644,\(changed),a.md"],
                ["update-index", "--add", "--cacheinfo", "100755,\(script),bin/run"],
                ["update-index", "--force-remove", "notes/x.md"],
                ["update-index", "--add", "--cacheinfo", "100644,\(new),days/2026/00.md"],
                ["write-tree"],
            ])
            #expect(expected == tree.description)
            #expect(try scratch.git.run(["fsck", "--strict"]).status == 0)
        }
    }

    /// Runs git commands against a separate index file; returns the last one's output.
    private func git(withIndex index: String, scratch: Scratch, _ commands: [[String]]) throws -> String {
        var output = ""
        for arguments in commands {
            let result = try ProcessRunner.run(
                URL(fileURLWithPath: "/usr/bin/git"), arguments, in: scratch.root,
                environment: ["PATH": "/usr/bin:/bin", "HOME": scratch.git.home.path(percentEncoded: false),
                              "GIT_CONFIG_NOSYSTEM": "1", "GIT_INDEX_FILE": index]
            )
            guard result.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "git \(arguments): \(result.stderr)"]) }
            output = result.stdout.trimmingCharacters(in: .newlines)
        }
        return output
    }

    @Test func fromEmptyBaseAndTreeEntry() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            let blob = try repository.writeBlob(Data("hello\n".utf8))
            let tree = try repository.updatedTree(nil, applying: [.upsert(path: "a/b/c.md", id: blob, mode: FileMode.blob)])
            #expect(try scratch.git("ls-tree", "-r", "--name-only", tree.description) == "a/b/c.md")
            let entry = try #require(try repository.treeEntry(path: "a/b/c.md", inTree: tree))
            #expect(entry.id == blob && entry.mode == FileMode.blob)
            #expect(try repository.treeEntry(path: "a/b", inTree: tree)?.mode == FileMode.tree)
            #expect(try repository.treeEntry(path: "a/x.md", inTree: tree) == nil)
            // Removing everything gives the empty tree.
            let empty = try repository.updatedTree(tree, applying: [.remove(path: "a/b/c.md")])
            #expect(empty.description == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
            // libgit2 1.5 reports this as a generic error, not as not-found.
            #expect(throws: GitError.self) { try repository.updatedTree(tree, applying: [.remove(path: "a/nope.md")]) }
        }
    }

    @Test func treeUpdatesMakeACommitWithoutMovingRefs() throws {
        try Scratch.with { scratch in
            let (repository, head) = try scratch.repositoryWithCommits([["a.md": "a\n"]])
            let blob = try repository.writeBlob(Data("b\n".utf8))
            let tree = try repository.updatedTree(try repository.treeID(ofCommit: head), applying: [.upsert(path: "b.md", id: blob, mode: FileMode.blob)])
            let commit = try repository.createCommit(
                tree: tree, parents: [head], message: "merge", author: Scratch.signature, committer: Scratch.signature,
                updatingReference: nil
            )
            #expect(try repository.headCommitID() == head)
            #expect(try scratch.git("rev-parse", "\(commit):b.md") == blob.description)
        }
    }
}
