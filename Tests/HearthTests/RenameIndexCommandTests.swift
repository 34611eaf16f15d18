import Foundation
import TestSupport
import Testing

/// Issue 13, "Ten years of history": `show --at`, `restore --at` and the deleted-entry hint
/// follow an entry's names through the rename index in `.git/hearth/renames.index`, which a sync
/// bringing renames brings up to date, and which is never trusted when it cannot be.
/// (`RenameIndexTests` in HistoryKitTests checks every answer against the walk.)
@Suite struct RenameIndexCommandTests {
    static let old = "notes/reading.md"
    static let new = "notes/books.md"
    static let first = "---\ntitle: Reading\n---\n- Middlemarch\n"
    static let second = "---\ntitle: Reading\n---\n- Middlemarch\n- Stoner\n"
    static let third = "---\ntitle: Reading\n---\n- Middlemarch\n- Stoner\n- Kindred\n"

    /// A note written twice, renamed, and written again, each step committed by the git CLI;
    /// returns the first two commits.
    static func renamedNote(_ notebook: TemporaryNotebook) throws -> (first: String, second: String) {
        try notebook.write(old, first)
        try notebook.commitAll("laptop: add \(old)")
        let firstCommit = try notebook.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try notebook.write(old, second)
        try notebook.commitAll("laptop: edit \(old)")
        let secondCommit = try notebook.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try notebook.git("mv", old, new).requireSuccess()
        try notebook.commitAll("laptop: rename \(old) -> \(new)")
        try notebook.write(new, third)
        try notebook.commitAll("laptop: edit \(new)")
        return (firstCommit, secondCommit)
    }

    /// Runs hearth with the index's trace on; returns the result and the trace line's words after
    /// `rename-index: ` (nil when there is none).
    static func traced(_ notebook: TemporaryNotebook, _ arguments: String..., in directory: URL? = nil,
                       withoutOverride: Bool = false) throws -> (ProcessResult, String?) {
        let result = try notebook.hearth(arguments, in: directory, environment: ["HEARTH_RENAME_INDEX_TRACE": "1"], withoutOverride: withoutOverride)
        let lines = result.stderrLines.filter { $0.hasPrefix("rename-index: ") }
        #expect(lines.count <= 1, "\(result)")
        return (result, lines.first.map { String($0.dropFirst("rename-index: ".count)) })
    }

    static func commitCount(_ notebook: TemporaryNotebook, in directory: URL? = nil) throws -> Int {
        let result = try directory.map { try notebook.git(in: $0, "rev-list", "--count", "HEAD") } ?? notebook.git("rev-list", "--count", "HEAD")
        return Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    static func index(_ notebook: TemporaryNotebook) -> URL { notebook.root.appendingPathComponent(".git/hearth/renames.index") }

    @Test func showAndRestoreAtACommitFollowTheRenameThroughTheIndex() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let (first, second) = try Self.renamedNote(notebook)
        let commits = try Self.commitCount(notebook)

        let (built, trace) = try Self.traced(notebook, "show", Self.new, "--at", first)
        #expect(built.status == 0 && built.stdout == Self.first, "\(built)")
        #expect(trace == "built commits=\(commits)", "\(built)")
        #expect(FileManager.default.fileExists(atPath: Self.index(notebook).path))
        let (used, usedTrace) = try Self.traced(notebook, "show", Self.new, "--at", String(first.prefix(7)))
        #expect(used.status == 0 && used.stdout == Self.first, "\(used)")
        #expect(usedTrace == "used commits=\(commits)", "\(used)")
        // Only the lines the index adds on stderr: the commands print what they printed before.
        let plain = try notebook.hearth("show", Self.new, "--at", first)
        #expect(plain.stdout == built.stdout && plain.stderr.isEmpty, "\(plain)")

        let (restored, restoreTrace) = try Self.traced(notebook, "restore", Self.new, "--at", second)
        #expect(restored.status == 0, "\(restored)")
        #expect(try notebook.text(Self.new) == Self.second)
        #expect(restoreTrace == "used commits=\(commits)", "\(restored)")
        // The restore made a commit: the next question adds it to the index.
        let after = try Self.commitCount(notebook)
        let (next, nextTrace) = try Self.traced(notebook, "show", Self.new, "--at", "HEAD~1")
        #expect(next.status == 0 && next.stdout == Self.third, "\(next)")
        #expect(nextTrace == "updated commits=\(after) added=\(after - commits) dropped=0", "\(next)")
    }

    /// The desk renames the note and syncs; the laptop's sync brings the rename, and its index,
    /// written before, must learn it: without it, the note's old name at the first commit is unknown.
    @Test func aSyncBringingARenameUpdatesTheIndex() throws {
        let devices = try SyncCommandTests.TwoDevices()
        let notebook = devices.notebook
        try notebook.write(Self.old, Self.first)
        try notebook.hearth("sync").requireSuccess()
        let first = try notebook.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let (before, beforeTrace) = try Self.traced(notebook, "show", Self.old, "--at", first)
        #expect(before.status == 0 && before.stdout == Self.first, "\(before)")
        #expect(beforeTrace?.hasPrefix("built commits=") == true, "\(before)")

        try devices.desk("sync").requireSuccess()
        try FileManager.default.moveItem(at: devices.desk.appendingPathComponent(Self.old), to: devices.desk.appendingPathComponent(Self.new))
        try devices.desk("sync").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        #expect(try notebook.text(Self.new) == Self.first)

        let (after, afterTrace) = try Self.traced(notebook, "show", Self.new, "--at", first)
        #expect(after.status == 0 && after.stdout == Self.first, "\(after)")
        let commits = try Self.commitCount(notebook)
        #expect(afterTrace?.hasPrefix("updated commits=\(commits) added=") == true && afterTrace?.hasSuffix(" dropped=0") == true, "\(after)")
        // The day, too.
        let (day, dayTrace) = try Self.traced(notebook, "show", Self.new, "--at", HistoryCommandTests.realDay())
        #expect(day.status == 0 && day.stdout == Self.first, "\(day)")
        #expect(dayTrace == "used commits=\(commits)", "\(day)")
    }

    /// A reset leaves a commit that renamed the note unreached, and a new entry takes the new
    /// name: it did not exist at the first commit, whatever the index said before.
    @Test func afterAResetTheOldRenameNoLongerCounts() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let (first, second) = try Self.renamedNote(notebook)
        let (before, _) = try Self.traced(notebook, "show", Self.new, "--at", first)
        #expect(before.status == 0 && before.stdout == Self.first, "\(before)")
        try notebook.git("reset", "-q", "--hard", second).requireSuccess()
        try notebook.write(Self.new, "---\ntitle: Books\n---\nanother list\n")
        for step in ["reset", "committed"] {
            if step == "committed" { try notebook.commitAll("laptop: add \(Self.new)") }
            let (result, trace) = try Self.traced(notebook, "show", Self.new, "--at", first)
            #expect(result.status != 0 && result.stdout.isEmpty, "\(step): \(result)")
            #expect(result.stderr.contains(Self.new), "\(step): \(result)")
            #expect(trace?.hasPrefix("updated commits=") == true, "\(step): \(result)")
        }
    }

    /// `.git/hearth` is read-only: the commands answer from the walk and say nothing about it;
    /// an index already there is used only while it is HEAD's, never once a commit came after it.
    @Test func aReadOnlyIndexFolderFallsBackToTheWalk() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write(Self.old, Self.first)
        try notebook.commitAll("laptop: add \(Self.old)")
        let first = try notebook.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let folder = Self.index(notebook).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }

        let (walked, walkedTrace) = try Self.traced(notebook, "show", Self.old, "--at", first, withoutOverride: true)
        #expect(walked.status == 0 && walked.stdout == Self.first, "\(walked)")
        #expect(walkedTrace == "unavailable", "\(walked)")
        #expect(!FileManager.default.fileExists(atPath: Self.index(notebook).path))

        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        let (_, builtTrace) = try Self.traced(notebook, "show", Self.old, "--at", first)
        #expect(builtTrace?.hasPrefix("built ") == true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        let (used, usedTrace) = try Self.traced(notebook, "show", Self.old, "--at", first, withoutOverride: true)
        #expect(used.status == 0 && used.stdout == Self.first && usedTrace?.hasPrefix("used ") == true, "\(used)")

        try notebook.git("mv", Self.old, Self.new).requireSuccess()
        try notebook.commitAll("laptop: rename \(Self.old) -> \(Self.new)")
        let (renamed, renamedTrace) = try Self.traced(notebook, "show", Self.new, "--at", first, withoutOverride: true)
        #expect(renamed.status == 0 && renamed.stdout == Self.first, "\(renamed)")
        #expect(renamedTrace == "unavailable", "\(renamed)")
        // The deleted-entry hint walks too.
        try notebook.git("rm", "-q", Self.new).requireSuccess()
        try notebook.commitAll("laptop: delete \(Self.new)")
        let (hint, hintTrace) = try Self.traced(notebook, "show", Self.new, withoutOverride: true)
        #expect(hint.status != 0 && hint.stderr.contains("was deleted; its last version is in commit"), "\(hint)")
        #expect(hintTrace == "unavailable", "\(hint)")
    }
}
