import Foundation
import GitKit
import HistoryKit
import MergeKit
@testable import NoteKit
import TestSupport
import Testing

/// Issue 13, "Ten years of history", seventh round: the rename index keeps each step's changes
/// (paths, blobs and modes, renames joined), and `log`, `log ENTRY` and `grep --history` read
/// them instead of the trees. Whatever happens to HEAD or to the file, every answer must be the
/// one read from the trees: the same rules as the rest of the index.
@Suite struct StepChangesTests {
    typealias Outcomes = RenameIndexOrderTests.Outcomes

    /// A history with what the changes must tell: a merge with a conflict record and its
    /// settlement, renames on a branch and on main, an entry deleted and a mode changed, then the
    /// tangled branches of ``RenameIndexOrderTests``.
    static func story(_ repository: Sandbox) throws -> [String] {
        _ = try NotebookHistoryMergeTests().meet(repository)
        // The tangled branches below take the names desk and phone.
        try repository.git("branch", "-q", "-D", "desk")
        let record = ConflictRecord(try NotebookHistoryMergeTests.conflict())
        try repository.remove(record.path)
        try repository.commit("laptop: resolve \(record.id)", at: HistoryStory.noon(20))
        try repository.git("mv", NotebookHistoryMergeTests.path, "notes/ideas.md")
        try repository.commit("laptop: rename \(NotebookHistoryMergeTests.path) -> notes/ideas.md", at: HistoryStory.noon(20))
        try repository.git("update-index", "--chmod=+x", "notes/desk.md")
        try repository.commit("laptop: mode of notes/desk.md", at: HistoryStory.noon(21))
        try repository.write("notes/ideas.md", "---\nenergy: 2\n---\nplan\nfrom the desk\nkettle lantern harbour\n")
        try repository.commit("laptop: edit notes/ideas.md", at: HistoryStory.noon(21))
        return try RenameIndexOrderTests.tangledHistory(repository, seed: 6, steps: 18)
            + ["notes/plans.md", "notes/ideas.md", "notes/desk.md"]
    }

    /// Everything the history commands answer with the index, against the trees' answers.
    static func expectSame(_ repository: Sandbox, paths: [String], outcomes: Outcomes,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        let walked = try RenameIndexOrderTests.answers(repository, paths: paths, indexed: false, outcomes: Outcomes())
        let indexed = try RenameIndexOrderTests.answers(repository, paths: paths, indexed: true, outcomes: outcomes)
        #expect(indexed.count == walked.count, sourceLocation: sourceLocation)
        for (index, answer) in walked.enumerated() where index < indexed.count {
            #expect(indexed[index] == answer, sourceLocation: sourceLocation)
        }
    }

    @Test func theKeptChangesTellWhatTheTreesTell() throws {
        try Sandbox.withRepository { repository in
            let paths = try Self.story(repository)
            let outcomes = Outcomes()
            try Self.expectSame(repository, paths: paths, outcomes: outcomes)
            let commits = Int(try repository.git("rev-list", "--count", "HEAD"))!
            #expect(outcomes.list.first == .built(commits: commits))
            // The full log tells the merge's conflict and the mode change, from the kept changes.
            let log = try repository.history().events()
            #expect(log.contains { !$0.conflicts.isEmpty } && log.contains { $0.summary.hasPrefix("laptop: mode of") })
        }
    }

    /// HEAD moves on (new commits with a rename and a settled conflict are added to the index),
    /// goes back (a reset drops the commits after it), and a new commit rewrites the history
    /// there: each time the kept changes are HEAD's.
    @Test func theChangesFollowHeadWhereverItGoes() throws {
        try Sandbox.withRepository { repository in
            var paths = try Self.story(repository)
            let outcomes = Outcomes()
            try Self.expectSame(repository, paths: paths, outcomes: outcomes)
            let before = try repository.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
            try repository.git("mv", "notes/ideas.md", "notes/plans.md")
            try repository.write("notes/desk.md", "desk's own\nkettle lantern harbour, later\n")
            try repository.commit("laptop: rename notes/ideas.md -> notes/plans.md", at: HistoryStory.noon(22))
            try repository.remove("notes/desk.md")
            try repository.commit("laptop: delete notes/desk.md", at: HistoryStory.noon(23))
            paths.append("notes/plans.md")
            try Self.expectSame(repository, paths: paths, outcomes: outcomes)
            #expect(outcomes.list.contains { if case .updated(_, 2, 0) = $0 { return true } else { return false } }, "\(outcomes.list)")
            try repository.git("reset", "-q", "--hard", before)
            try Self.expectSame(repository, paths: paths, outcomes: outcomes)
            #expect(outcomes.list.contains { if case .updated(_, 0, 2) = $0 { return true } else { return false } }, "\(outcomes.list)")
            try repository.git("mv", "notes/desk.md", "notes/elsewhere.md")
            try repository.commit("laptop: rename notes/desk.md -> notes/elsewhere.md", at: HistoryStory.noon(22))
            try Self.expectSame(repository, paths: paths + ["notes/elsewhere.md"], outcomes: outcomes)
        }
    }

    /// An index whose checksum is right but whose format is the one before the changes were
    /// kept (or any other) is rebuilt, never read; one damaged in its changes likewise.
    @Test(arguments: ["previousFormat", "damagedChanges"])
    func anIndexOfAnotherFormatOrDamagedIsRebuilt(damage: String) throws {
        try Sandbox.withRepository { repository in
            let paths = try Self.story(repository)
            let outcomes = Outcomes()
            try Self.expectSame(repository, paths: paths, outcomes: outcomes)
            let path = RenameIndexOrderTests.index(repository).path
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let magic = Array("HRTHREN\n".utf8)
            #expect(Array(bytes.prefix(magic.count)) == magic)
            if damage == "previousFormat" {
                // Format 2, its checksum made right again: only the format says it is not this one.
                bytes[magic.count] = 2
                let versionLength = Int(bytes[magic.count + 4])
                let checksumAt = magic.count + 8 + versionLength
                let checksum = bytes[(checksumAt + 8)...].withUnsafeBytes(CacheChecksum.of)
                withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange(checksumAt..<(checksumAt + 8), with: $0) }
            } else {
                // The last change's new mode, the checksum left as it was.
                bytes[bytes.count - 2] ^= 0x01
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let commits = Int(try repository.git("rev-list", "--count", "HEAD"))!
            let rebuilt = Outcomes()
            try Self.expectSame(repository, paths: paths, outcomes: rebuilt)
            #expect(rebuilt.list.first == .rebuilt(commits: commits), "\(rebuilt.list)")
        }
    }

    /// A read-only `.git/hearth`: no index can be written, and every answer is read from the trees.
    /// Permissions do not bind root, so there a file stands where the folder would be.
    @Test func aReadOnlyIndexFolderReadsTheTrees() throws {
        try Sandbox.withRepository { repository in
            let paths = try Self.story(repository)
            let folder = repository.root.appending(path: ".git/hearth")
            if geteuid() == 0 {
                try Data("not a folder\n".utf8).write(to: folder)
            } else {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
            }
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
            let outcomes = Outcomes()
            try Self.expectSame(repository, paths: paths, outcomes: outcomes)
            #expect(outcomes.list.contains(.unavailable))
            #expect(!FileManager.default.fileExists(atPath: RenameIndexOrderTests.index(repository).path))
        }
    }
}
