import Foundation
import GitKit
import Testing

/// Blobs, tree entries and file hashing.
struct ObjectTests {
    /// Bytes that are not valid UTF-8 and contain NULs, which must survive untouched.
    private let binary = Data([0x00, 0xff, 0xfe, 0x41, 0x00, 0x80, 0xc3, 0x28, 0x0d, 0x0a, 0x00])

    @Test func blobAndFileContentsRoundTripBytes() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.write("attachments/raw.bin", binary)
            try scratch.write("text.md", "héllo\n")
            let commit = try scratch.commitAll(repository, message: "binary")

            #expect(try repository.fileContents(path: "attachments/raw.bin", inCommit: commit) == binary)
            let id = try #require(try repository.entryID(path: "attachments/raw.bin", inCommit: commit))
            #expect(try repository.blob(id) == binary)
            #expect(try scratch.git("rev-parse", "HEAD:attachments/raw.bin") == id.description)
            #expect(try scratch.git.run(["cat-file", "blob", id.description]).stdoutData == binary)
            #expect(try repository.fileContents(path: "text.md", inCommit: commit) == Data("héllo\n".utf8))
        }
    }

    @Test func missingPathsAndDirectories() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.write("dir/file.md", "x\n")
            let commit = try scratch.commitAll(repository, message: "x")
            #expect(try repository.entryID(path: "nope.md", inCommit: commit) == nil)
            #expect(try repository.entryID(path: "dir/nope.md", inCommit: commit) == nil)
            #expect(try repository.fileContents(path: "nope.md", inCommit: commit) == nil)
            // A directory has an id (its tree) but no file contents.
            #expect(try repository.entryID(path: "dir", inCommit: commit)?.description == (try scratch.git("rev-parse", "HEAD:dir")))
            #expect(try repository.fileContents(path: "dir", inCommit: commit) == nil)
        }
    }

    @Test func emptyBlob() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.write("empty.md", Data())
            let commit = try scratch.commitAll(repository, message: "empty")
            #expect(try repository.fileContents(path: "empty.md", inCommit: commit) == Data())
        }
    }

    @Test func hashFileMatchesGitHashObject() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.write("raw.bin", binary)
            let commit = try scratch.commitAll(repository, message: "binary")
            let hashed = try repository.hashFile(at: scratch.root.appending(path: "raw.bin"))
            #expect(hashed.description == (try scratch.git("hash-object", "raw.bin")))
            #expect(hashed == (try repository.entryID(path: "raw.bin", inCommit: commit)))
            #expect(throws: GitError.self) { try repository.hashFile(at: scratch.root.appending(path: "missing")) }
        }
    }

    @Test func treeFilesMatchesLsTree() throws {
        try Scratch.with { scratch in
            let repository = try Repository.create(at: scratch.root)
            try scratch.write("a.md", "a\n")
            try scratch.write("entries/2024/05/01.md", "day\n")
            try scratch.write("entries/index.md", "index\n")
            let commit = try scratch.commitAll(repository, message: "tree")
            let ours = try repository.treeFiles(commit: commit).map { "\($0.id) \($0.path)" }
            let theirs = try scratch.git("ls-tree", "-r", "--format=%(objectname) %(path)", "HEAD").split(separator: "\n").map(String.init)
            #expect(ours.sorted() == theirs.sorted())
            #expect(ours.count == 3)
        }
    }
}
