import Foundation
import HistoryKit
import TestSupport
import Testing

/// A real repository for one test, written by the git CLI as another client would: commits carry
/// hearth's `device: what` messages and fixed times, so what ``NotebookHistory`` reads back can be
/// checked exactly. The folder is removed when the body returns (even when it throws).
struct HistoryRepository {
    /// The work tree.
    var root: URL
    /// The git CLI's HOME, so the user's git configuration cannot change what the tests see.
    var home: URL

    /// Runs `body` with a fresh repository on `main` (or, with `initialize` false, a plain folder).
    static func with<R>(initialize: Bool = true, _ body: (HistoryRepository) throws -> R) throws -> R {
        let base = FileManager.default.temporaryDirectory
            .appending(path: "historykit-tests-\(UUID().uuidString)", directoryHint: .isDirectory)
        let repository = HistoryRepository(root: base.appending(path: "notebook", directoryHint: .isDirectory),
                                           home: base.appending(path: "home", directoryHint: .isDirectory))
        try FileManager.default.createDirectory(at: repository.root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: repository.home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        if initialize {
            try repository.git("init", "-q", "-b", "main")
            // `git merge --no-commit` wants an identity even though the commit sets its own.
            try repository.git("config", "user.name", "T")
            try repository.git("config", "user.email", "t@example.com")
        }
        return try body(repository)
    }

    /// The git CLI in the work tree.
    var git: GitCLI { GitCLI(directory: root, home: home) }

    /// The history as hearth reads it.
    func history() throws -> NotebookHistory { try NotebookHistory(root: root) }

    /// Writes `text` at `path`, creating folders.
    func write(_ path: String, _ text: String) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Deletes the file at `path`.
    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appending(path: path))
    }

    /// Commits everything with `message`, recorded (authored and committed) at `time`, an ISO 8601
    /// time with its UTC offset (`2026-11-20T12:00:00+00:00`); returns the commit's id.
    @discardableResult
    func commit(_ message: String, at time: String) throws -> String {
        try git("add", "-A")
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/git"), ["commit", "-q", "--allow-empty", "-m", message], in: root, environment: [
            "PATH": "/usr/bin:/bin", "HOME": home.path(percentEncoded: false), "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C",
            "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.com",
            "GIT_AUTHOR_DATE": time, "GIT_COMMITTER_DATE": time,
        ])
        try #require(result.status == 0, "git commit failed: \(result.stderr)")
        return try git("rev-parse", "HEAD")
    }

    /// The moment an ISO 8601 time with offset names.
    static func date(_ time: String) throws -> Date {
        try Date(time, strategy: .iso8601)
    }
}
