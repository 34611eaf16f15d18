import Foundation
import GitKit
import TestSupport

extension Scratch {
    /// The scratch area's own directory, holding `root`, the fake HOME and any remotes.
    var base: URL { root.deletingLastPathComponent() }

    /// Network options that never touch the real HOME, agent or environment.
    var networkOptions: NetworkOptions {
        NetworkOptions(credentials: CredentialOptions(
            homeDirectory: git.home, useAgent: false, environment: ["USER": "tester"]
        ))
    }

    /// Creates an empty bare repository (HEAD on "main") beside the root, returning its URL and
    /// a git CLI running inside it.
    func bareRemote(_ name: String = "remote.git") throws -> (url: URL, git: GitCLI) {
        let url = base.appending(path: name, directoryHint: .isDirectory)
        try GitCLI(directory: base, home: git.home)("init", "-q", "--bare", "-b", "main", url.path(percentEncoded: false))
        return (url, GitCLI(directory: url, home: git.home))
    }

    /// Clones `remote` with the git CLI into a sibling folder, as a second device would, and
    /// returns a git CLI running in the clone.
    func cliClone(of remote: URL, into name: String) throws -> GitCLI {
        let url = base.appending(path: name, directoryHint: .isDirectory)
        try GitCLI(directory: base, home: git.home)("clone", "-q", remote.path(percentEncoded: false), url.path(percentEncoded: false))
        return GitCLI(directory: url, home: git.home)
    }

    /// Writes `contents` to `path` inside another work tree (a CLI clone), creating directories.
    func write(_ path: String, _ contents: String, in clone: GitCLI) throws {
        let url = clone.directory.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    /// A repository at `root` with one commit per entry of `files` ("path": "contents"),
    /// returning the repository and the last commit.
    func repositoryWithCommits(_ commits: [[String: String]]) throws -> (Repository, ObjectID) {
        let repository = try Repository.create(at: root)
        var last: ObjectID?
        for (offset, files) in commits.enumerated() {
            for (path, contents) in files { try write(path, contents) }
            last = try commitAll(repository, message: "commit \(offset + 1)", secondsLater: Double(offset) * 60)
        }
        return (repository, last!)
    }
}
