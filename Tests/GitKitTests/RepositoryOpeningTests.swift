import Foundation
import TestSupport
import GitKit
import Testing

/// Creating, opening and discovering repositories, and the errors those produce.
struct RepositoryOpeningTests {
    @Test func createMakesMissingDirectoriesAndUnbornMain() throws {
        try Scratch.with { scratch in
            let nested = scratch.root.appending(path: "a/b/journal", directoryHint: .isDirectory)
            let repository = try Repository.create(at: nested)
            #expect(repository.isBare == false)
            #expect(repository.workingDirectory?.standardizedFileURL.path == nested.standardizedFileURL.path)
            #expect(repository.gitDirectory.lastPathComponent == ".git")
            #expect(try repository.currentBranchName() == "main")
            #expect(try repository.headCommitID() == nil)
            #expect(try repository.status().isEmpty)
            let git = GitCLI(directory: nested, home: scratch.git.home)
            #expect(try git("symbolic-ref", "HEAD") == "refs/heads/main")
        }
    }

    @Test func createHonoursInitialBranchAndBare() throws {
        try Scratch.with { scratch in
            let bare = try Repository.create(at: scratch.root.appending(path: "bare.git"), initialBranch: "journal", bare: true)
            #expect(bare.isBare)
            #expect(bare.workingDirectory == nil)
            #expect(try bare.currentBranchName() == "journal")
            #expect(throws: GitError.self) { try bare.stage(paths: ["x"]) }
        }
    }

    @Test func openAcceptsWorkTreeAndGitDirectory() throws {
        try Scratch.with { scratch in
            try scratch.git("init", "-q", "-b", "main")
            let byRoot = try Repository.open(at: scratch.root)
            let byGitDir = try Repository.open(at: scratch.root.appending(path: ".git"))
            #expect(byRoot.gitDirectory.standardizedFileURL == byGitDir.gitDirectory.standardizedFileURL)
        }
    }

    @Test func openNonRepositoryIsNotFoundWithPath() throws {
        try Scratch.with { scratch in
            let error = try #require(throws: GitError.self) { try Repository.open(at: scratch.root) }
            #expect(error.code == .notFound)
            #expect(error.operation == "open repository")
            #expect(error.description.hasPrefix("cannot open repository at \(scratch.root.path(percentEncoded: false))"))
            #expect(error.errorClassName == "repository")
        }
    }

    @Test func openMissingDirectoryIsNotFound() throws {
        try Scratch.with { scratch in
            let missing = scratch.root.appending(path: "nope")
            let error = try #require(throws: GitError.self) { try Repository.open(at: missing) }
            #expect(error.code == .notFound)
            #expect(error.description.contains(missing.path(percentEncoded: false)))
        }
    }

    @Test func unsupportedExtensionIsExplained() throws {
        try Scratch.with { scratch in
            try scratch.git("init", "-q", "-b", "main")
            try scratch.git("config", "core.repositoryformatversion", "1")
            try scratch.git("config", "extensions.worktreeConfig", "true")
            let error = try #require(throws: GitError.self) { try Repository.open(at: scratch.root) }
            #expect(error.unsupportedExtension == "worktreeconfig")
            #expect(error.description.contains("git extension 'worktreeconfig'"))
            #expect(error.description.contains("libgit2 1.5"))
            #expect(error.description.contains("git config --unset extensions.worktreeConfig"))
            // The suggested fix must actually make the repository usable.
            try scratch.git("config", "--unset", "extensions.worktreeConfig")
            _ = try Repository.open(at: scratch.root)
        }
    }

    @Test(arguments: [
        ("extensions.partialClone", "origin", "partialclone", "git config --unset extensions.partialClone"),
        ("extensions.objectFormat", "sha256", "objectformat", "cannot be removed"),
    ])
    func otherUnsupportedExtensionsAreExplained(key: String, value: String, name: String, advice: String) throws {
        try Scratch.with { scratch in
            try scratch.git("init", "-q", "-b", "main")
            try scratch.git("config", "core.repositoryformatversion", "1")
            try scratch.git("config", key, value)
            let error = try #require(throws: GitError.self) { try Repository.discover(startingAt: scratch.root) }
            #expect(error.unsupportedExtension == name)
            #expect(error.description.contains("'\(name)', which libgit2 1.5 (used by hearth) does not support"))
            #expect(error.description.contains(advice))
        }
    }

    @Test func discoverFindsRepositoryFromSubdirectory() throws {
        try Scratch.with { scratch in
            try scratch.git("init", "-q", "-b", "main")
            try scratch.write("notes/2024/today.md", "hello\n")
            let subdirectory = scratch.root.appending(path: "notes/2024", directoryHint: .isDirectory)
            let repository = try Repository.discover(startingAt: subdirectory)
            #expect(repository.workingDirectory?.standardizedFileURL.path == scratch.root.standardizedFileURL.path)
            // open does not search upwards; discover exists for that.
            #expect(throws: GitError.self) { try Repository.open(at: subdirectory) }
        }
    }

    @Test func discoverOutsideRepositoryIsNotFound() throws {
        try Scratch.with { scratch in
            let error = try #require(throws: GitError.self) { try Repository.discover(startingAt: scratch.root) }
            #expect(error.code == .notFound)
        }
    }
}
