import Foundation
import TestSupport
import GitKit

/// A temporary work area: a fresh directory for a repository plus a fake HOME for the git CLI,
/// removed when the test body returns.
struct Scratch {
    /// Where the test's repository lives (not created until a test creates it).
    var root: URL
    /// The git CLI, running in `root`.
    var git: GitCLI

    /// A fixed identity so commit ids do not depend on the clock.
    static let signature = Signature(
        name: "Hearth Tester", email: "tester@example.com",
        date: Date(timeIntervalSince1970: 1_700_000_000), timeZoneOffsetMinutes: 120
    )

    /// Runs `body` with a fresh scratch area and deletes it afterwards, even on failure.
    static func with<R>(_ body: (Scratch) throws -> R) throws -> R {
        let base = FileManager.default.temporaryDirectory
            .appending(path: "gitkit-tests-\(UUID().uuidString)", directoryHint: .isDirectory)
        let home = base.appending(path: "home", directoryHint: .isDirectory)
        let root = base.appending(path: "repo", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        return try body(Scratch(root: root, git: GitCLI(directory: root, home: home)))
    }

    /// Writes `contents` to `path` under the root, creating intermediate directories.
    func write(_ path: String, _ contents: String) throws {
        try write(path, Data(contents.utf8))
    }

    /// Writes raw bytes to `path` under the root, creating intermediate directories.
    func write(_ path: String, _ contents: Data) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url)
    }

    /// Deletes `path` under the root.
    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appending(path: path))
    }

    /// Stages everything and commits it on HEAD with GitKit, using `signature` shifted by
    /// `secondsLater` so successive commits have distinct, ordered times.
    @discardableResult
    func commitAll(_ repository: Repository, message: String, secondsLater: TimeInterval = 0) throws -> ObjectID {
        try repository.stageAll()
        let tree = try repository.writeIndexTree()
        var signature = Self.signature
        signature.date += secondsLater
        let parents = try repository.headCommitID().map { [$0] } ?? []
        return try repository.createCommit(
            tree: tree, parents: parents, message: message, author: signature, committer: signature
        )
    }
}
