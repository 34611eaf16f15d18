import Foundation
import TestSupport
import Testing

/// `hearth status` and `hearth sync` skip comparing HEAD with the index while
/// `.git/hearth/head-index` says they were the same for this index and this HEAD; whatever git
/// does behind hearth's back to either is seen.
@Suite struct StatusMemoTests {
    static let path = "days/2026/2026-11-22.md"

    private func changes(_ notebook: TemporaryNotebook) throws -> [String] {
        let result = try notebook.hearth("status", "--json")
        #expect(result.status == 0, "\(result)")
        let status = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        return try #require(status["changes"] as? [[String: Any]]).map { "\($0["change"] ?? "") \($0["path"] ?? "")" }
    }

    @Test func gitBehindHearthsBackIsSeen() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        try notebook.hearth("set", "today", "energy=2").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        #expect(try changes(notebook).isEmpty)
        let memo = notebook.root.appending(path: ".git/hearth/head-index").path(percentEncoded: false)
        #expect(FileManager.default.fileExists(atPath: memo), "the status noted that HEAD and the index agree")

        // HEAD moves back, the index stays: the edit is staged and waiting again.
        let index = try Data(contentsOf: notebook.root.appending(path: ".git/index"))
        try notebook.git("reset", "-q", "--soft", "HEAD~1").requireSuccess()
        #expect(try Data(contentsOf: notebook.root.appending(path: ".git/index")) == index)
        #expect(try changes(notebook) == ["modified \(Self.path)"])
        try notebook.hearth("sync").requireSuccess()
        #expect(try changes(notebook).isEmpty)
        #expect(try notebook.git("status", "--porcelain").stdout.isEmpty)
        #expect(try notebook.git("show", "HEAD:\(Self.path)").stdout.contains("energy: 2"))

        // The index alone changes: an older version checked out into it, then an untracked file.
        try notebook.git("checkout", "HEAD~1", "--", Self.path).requireSuccess()
        #expect(try changes(notebook) == ["modified \(Self.path)"])
        try notebook.git("checkout", "HEAD", "--", Self.path).requireSuccess()
        #expect(try changes(notebook).isEmpty)
        try notebook.write("notes/new.md", "# New\n")
        #expect(try changes(notebook) == ["added notes/new.md"])
    }
}
