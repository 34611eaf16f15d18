import Foundation
import TestSupport

/// Commits other tools can make and hearth never would: trees with `..`, `.git` or other names
/// git's own checkout refuses, built with `git mktree` (which checks nothing) and pushed with git.
extension SyncWorld {
    /// One line of `git mktree` input.
    struct TreeLine {
        var mode: String
        var type: String
        var id: String
        var name: String
        var text: String { "\(mode) \(type) \(id)\t\(name)" }
    }

    /// Runs `git mktree` with `lines` on a device and returns the new tree's id.
    func makeTree(_ device: String, _ lines: [TreeLine]) throws -> String {
        let input = base.appending(path: "mktree-\(UUID().uuidString).txt")
        try Data((lines.map(\.text).joined(separator: "\n") + "\n").utf8).write(to: input)
        let directory = root(device).path(percentEncoded: false)
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"),
                                           ["-c", "git -C '\(directory)' mktree < '\(input.path(percentEncoded: false))'"],
                                           in: base, environment: ["PATH": "/usr/bin:/bin", "HOME": home.path(percentEncoded: false),
                                                                   "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"])
        guard result.status == 0 else { throw SetupFailure("git mktree failed: \(result.stderr)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stores `text` as a blob on a device and returns its id.
    func blob(_ device: String, _ text: String) throws -> String {
        let file = base.appending(path: "blob-\(UUID().uuidString)")
        try Data(text.utf8).write(to: file)
        return try git(device)("hash-object", "-w", file.path(percentEncoded: false))
    }

    /// The lines of `git ls-tree` for a tree-ish on a device.
    func treeLines(_ device: String, _ treeish: String) throws -> [TreeLine] {
        let output = try git(device)("ls-tree", treeish)
        return output.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            let head = parts[0].split(separator: " ")
            return TreeLine(mode: String(head[0]), type: String(head[1]), id: String(head[2]), name: String(parts[1]))
        }
    }

    /// Commits `tree` on top of a device's HEAD with the git CLI, moves the branch there and
    /// pushes it to the remote, as a user of another tool would.
    func commitAndPush(_ device: String, tree: String, message: String) throws {
        let git = git(device)
        let commit = try git("-c", "user.name=Mallory", "-c", "user.email=m@example.com",
                             "commit-tree", tree, "-p", "HEAD", "-m", message)
        try git("update-ref", "refs/heads/main", commit)
        try git("push", "-q", "origin", "main")
    }
}
