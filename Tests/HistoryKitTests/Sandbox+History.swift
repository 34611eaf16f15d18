import Foundation
import HistoryKit
import TestSupport
import Testing

/// Repositories written by the git CLI as another client would: commits carry hearth's
/// `device: what` messages and fixed times, so what ``NotebookHistory`` reads back can be
/// checked exactly.
extension Sandbox {
    /// Runs `body` in a sandbox whose root is a fresh repository on `main`.
    static func withRepository<R>(_ body: (Sandbox) throws -> R) throws -> R {
        try with { sandbox in
            try sandbox.git("init", "-q", "-b", "main")
            // `git merge --no-commit` wants an identity even though each commit sets its own.
            try sandbox.git("config", "user.name", "T")
            try sandbox.git("config", "user.email", "t@example.com")
            return try body(sandbox)
        }
    }

    /// The history as hearth reads it.
    func history() throws -> NotebookHistory { try NotebookHistory(root: root) }

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
}
