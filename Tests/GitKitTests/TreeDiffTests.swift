import Foundation
import GitKit
import Testing

/// Tree-to-tree changes, checked against `git diff-tree`.
struct TreeDiffTests {
    private let body = (1...30).map { "line \($0) of a journal entry that is long enough to compare\n" }.joined()

    @Test func renameWithEditIsDetected() throws {
        try Scratch.with { scratch in
            let (repository, before) = try scratch.repositoryWithCommits([[
                "notes/old-name.md": body, "keep.md": "keep\n", "gone.md": "gone\n", "edit.md": "v1\n",
            ]])
            try scratch.remove("notes/old-name.md")
            try scratch.remove("gone.md")
            try scratch.write("notes/new-name.md", body + "one more line\n")
            try scratch.write("edit.md", "v2\n")
            try scratch.write("added/file.md", "new\n")
            let after = try scratch.commitAll(repository, message: "rename", secondsLater: 60)
            let old = try repository.treeID(ofCommit: before)
            let new = try repository.treeID(ofCommit: after)
            #expect(old.description == (try scratch.git("rev-parse", "\(before)^{tree}")))

            let changes = try repository.treeChanges(from: old, to: new, detectRenames: true)
            let summary = changes.map { change -> String in
                switch change.status {
                case .added: "A \(change.newPath!)"
                case .deleted: "D \(change.oldPath!)"
                case .modified: "M \(change.newPath!)"
                case .renamed: "R \(change.oldPath!) \(change.newPath!)"
                case .typeChanged: "T \(change.newPath!)"
                }
            }
            let git = try scratch.git("diff-tree", "-r", "-M", "--name-status", old.description, new.description)
                .split(separator: "\n").map { line in
                    line.split(separator: "\t").enumerated().map { $0.offset == 0 ? String($0.element.prefix(1)) : String($0.element) }
                        .joined(separator: " ")
                }
            #expect(Set(summary) == Set(git))
            let rename = try #require(changes.first { $0.status == .renamed })
            #expect(rename.oldID?.description == (try scratch.git("rev-parse", "\(before):notes/old-name.md")))
            #expect(rename.newID?.description == (try scratch.git("rev-parse", "\(after):notes/new-name.md")))
            #expect(rename.oldMode == FileMode.blob && rename.newMode == FileMode.blob)

            // Without rename detection: a deletion and an addition.
            let plain = try repository.treeChanges(from: old, to: new, detectRenames: false)
            #expect(plain.contains { $0.status == .deleted && $0.oldPath == "notes/old-name.md" && $0.newPath == nil && $0.newID == nil })
            #expect(plain.contains { $0.status == .added && $0.newPath == "notes/new-name.md" && $0.oldPath == nil && $0.oldMode == nil })
            #expect(!plain.contains { $0.status == .renamed })
        }
    }

    @Test func fromEmptyTreeEverythingIsAdded() throws {
        try Scratch.with { scratch in
            let (repository, commit) = try scratch.repositoryWithCommits([["a.md": "a\n", "d/b.md": "b\n"]])
            let changes = try repository.treeChanges(from: nil, to: commit, detectRenames: true)
            #expect(changes.map(\.status) == [.added, .added])
            #expect(changes.map(\.path) == ["a.md", "d/b.md"])
        }
    }

    @Test func modeAndTypeChanges() throws {
        try Scratch.with { scratch in
            let (repository, before) = try scratch.repositoryWithCommits([["run.sh": "echo\n", "link": "target\n"]])
            try scratch.git("update-index", "--chmod=+x", "run.sh")
            try scratch.remove("link")
            try FileManager.default.createSymbolicLink(atPath: scratch.root.appending(path: "link").path(percentEncoded: false), withDestinationPath: "run.sh")
            try scratch.git("add", "link")
            try scratch.git("-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", "modes")
            let after = try repository.resolve(revision: "HEAD")
            let changes = try repository.treeChanges(from: before, to: after, detectRenames: true)
            let byPath = Dictionary(uniqueKeysWithValues: changes.map { ($0.path, $0) })
            #expect(byPath["run.sh"]?.status == .modified)
            #expect(byPath["run.sh"]?.newMode == FileMode.executable)
            #expect(byPath["link"]?.status == .typeChanged)
            #expect(byPath["link"]?.newMode == FileMode.symlink)
        }
    }
}
