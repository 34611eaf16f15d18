import Foundation
@testable import GitKit
import Testing

/// TreeComparer and TreePathLookup must answer exactly as libgit2's diff and path lookup do:
/// the history walks that use them promise the same output.
struct TreeComparerTests {
    private let body = (1...30).map { "line \($0) of a journal entry that is long enough to compare\n" }.joined()

    /// Two trees that differ in every way a tree can: edits, additions and deletions in nested
    /// folders, a folder gone whole, a file that became a folder and a folder that became a file,
    /// a file that became a link, an executable bit, a rename, and names whose order differs
    /// between plain byte order and git's tree order (`a-b`, `a.md`, `a/`).
    private func twoTrees(_ scratch: Scratch) throws -> (Repository, ObjectID, ObjectID) {
        let (repository, before) = try scratch.repositoryWithCommits([[
            "days/2026/2026-01-01.md": "one\n", "days/2026/2026-01-02.md": "two\n", "days/2025/2025-12-31.md": "old\n",
            "gone/a.md": "a\n", "gone/deep/b.md": "b\n", "was-file": "file\n", "was-folder/x.md": "x\n",
            "link-to-be.md": "text\n", "script.sh": "echo\n", "notes/old-name.md": body,
            "a-b": "dash\n", "a.md": "dot\n", "a/inner.md": "inner\n", "keep.md": "keep\n",
        ]])
        try scratch.write("days/2026/2026-01-02.md", "two, edited\n")
        try scratch.write("days/2026/2026-01-03.md", "three\n")
        try scratch.remove("gone")
        try scratch.remove("was-file")
        try scratch.write("was-file/now.md", "now a folder\n")
        try scratch.remove("was-folder")
        try scratch.write("was-folder", "now a file\n")
        try scratch.remove("link-to-be.md")
        try FileManager.default.createSymbolicLink(atPath: scratch.root.appending(path: "link-to-be.md").path, withDestinationPath: "keep.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.root.appending(path: "script.sh").path)
        try scratch.remove("notes/old-name.md")
        try scratch.write("notes/new-name.md", body + "one more line\n")
        try scratch.write("a-b", "dash, edited\n")
        try scratch.write("a/inner.md", "inner, edited\n")
        let after = try scratch.commitAll(repository, message: "everything", secondsLater: 60)
        return (repository, try repository.treeID(ofCommit: before), try repository.treeID(ofCommit: after))
    }

    @Test func listsWhatLibgit2sDiffLists() throws {
        try Scratch.with { scratch in
            let (repository, old, new) = try twoTrees(scratch)
            let comparer = TreeComparer(repository: repository)
            for (from, to) in [(old, new), (new, old), (nil, new), (old, old)] as [(ObjectID?, ObjectID)] {
                let expected = try repository.treeChanges(from: from, to: to, detectRenames: false)
                // In the same order, field by field; twice, the second time from the comparer's trees.
                #expect(try comparer.changes(from: from, to: to) == expected)
                #expect(try comparer.changes(from: from, to: to) == expected)
                #expect(try comparer.changes(from: from, to: to, detectRenames: true)
                        == repository.treeChanges(from: from, to: to, detectRenames: true))
            }
            let changes = try comparer.changes(from: old, to: new)
            #expect(changes.contains { $0.status == .typeChanged && $0.path == "link-to-be.md" })
            #expect(changes.contains { $0.status == .modified && $0.path == "script.sh" && $0.newMode == FileMode.executable })
            #expect(changes.contains { $0.status == .deleted && $0.path == "gone/deep/b.md" })
            #expect(try comparer.changes(from: old, to: new, detectRenames: true).contains {
                $0.status == .renamed && $0.oldPath == "notes/old-name.md" && $0.newPath == "notes/new-name.md"
            })
        }
    }

    @Test func lookupAnswersAsTheCommitsTreeDoes() throws {
        try Scratch.with { scratch in
            let (repository, old, new) = try twoTrees(scratch)
            let lookup = TreePathLookup(repository: repository)
            let paths = ["days/2026/2026-01-02.md", "days/2026", "days/2026/2026-01-03.md", "gone/deep/b.md", "was-file",
                         "was-file/now.md", "was-folder/x.md", "link-to-be.md", "a/inner.md", "a", "missing.md", "a.md/x"]
            for tree in [old, new] {
                for path in paths {
                    let expected = try repository.treeEntry(path: path, inTree: tree)
                    let found = try lookup.entry(path: path, inTree: tree)
                    #expect(found?.id == expected?.id && found?.mode == expected?.mode, "\(path)")
                    #expect(try lookup.entryID(path: path, inTree: tree) == expected?.id, "\(path), asked again")
                }
            }
        }
    }
}
