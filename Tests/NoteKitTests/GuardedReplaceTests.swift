import Foundation
import Testing
@testable import NoteKit

/// `FileSystem.replace` against an editor that saves in place (`open(O_TRUNC)`, then write, as
/// nano and vim with `backupcopy=yes` do) exactly between hearth's last comparison and its rename,
/// the window the guard link closes (`FileSystem.beforeReplacingRename` steps in there).
@Suite struct GuardedReplaceTests {
    /// What a hook saw; the hook runs synchronously inside `replace`, on the test's own thread.
    final class Seen: @unchecked Sendable {
        var descriptor: Int32 = -1
        var linkedWhilePending = false
    }

    /// Writes `text` into the file at `path` in place: the same inode, truncated first.
    static func saveInPlace(_ path: String, _ text: String) {
        let fd = open(path, O_WRONLY | O_TRUNC)
        precondition(fd >= 0, "open \(path): \(String(cString: strerror(errno)))")
        let bytes = Array(text.utf8)
        precondition(write(fd, bytes, bytes.count) == bytes.count)
        close(fd)
    }

    /// The names in the folder holding `path`, hidden ones included.
    static func names(besides path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent).sorted()
    }

    @Test func inPlaceSaveInTheWindowIsKeptAndReported() throws {
        let tmp = try TemporaryNotebook()
        let path = try tmp.write("days/2026/2026-11-22.md", "---\nenergy: 2\n---\nRead by hearth.\n")
        let judged = try FileSystem.read(path)
        let userSave = "---\nenergy: 2\n---\nRead by hearth.\nTyped in nano while hearth wrote.\n"
        #expect(throws: NotebookError.changedOnDisk(path: path)) {
            try FileSystem.$beforeReplacingRename.withValue({ if $0 == path { Self.saveInPlace($0, userSave) } }) {
                try FileSystem.replace(path, with: Array("---\nenergy: 3\n---\nRead by hearth.\n".utf8), expecting: judged)
            }
        }
        #expect(String(decoding: try FileSystem.read(path), as: UTF8.self) == userSave)
        // Neither the temporary file nor the guard link is left behind.
        #expect(try Self.names(besides: path) == ["2026-11-22.md"])
    }

    @Test func saveStillBeingWrittenThroughItsDescriptorLandsInPlace() throws {
        let tmp = try TemporaryNotebook()
        let path = try tmp.write("notes/plan.md", "first draft\n")
        let seen = Seen()
        #expect(throws: NotebookError.changedOnDisk(path: path)) {
            try FileSystem.$beforeReplacingRename.withValue({ target in
                // The editor has truncated the file and written half of it when hearth renames.
                seen.descriptor = open(target, O_WRONLY | O_TRUNC)
                _ = write(seen.descriptor, "second ", 7)
            }) {
                try FileSystem.replace(path, with: Array("hearth's version\n".utf8), expecting: Array("first draft\n".utf8))
            }
        }
        #expect(seen.descriptor >= 0)
        _ = write(seen.descriptor, "draft\n", 6)
        close(seen.descriptor)
        #expect(String(decoding: try FileSystem.read(path), as: UTF8.self) == "second draft\n")
        #expect(try Self.names(besides: path) == ["plan.md"])
    }

    @Test func unchangedFileIsReplacedAndNothingIsLeftBeside() throws {
        let tmp = try TemporaryNotebook()
        let path = try tmp.write("notes/plan.md", "old\n")
        let seen = Seen()
        try FileSystem.$beforeReplacingRename.withValue({ target in
            // The guard link names the judged file while the rename is pending.
            var info = stat()
            seen.linkedWhilePending = stat(target, &info) == 0 && info.st_nlink == 2
        }) {
            try FileSystem.replace(path, with: Array("new\n".utf8), expecting: Array("old\n".utf8))
        }
        #expect(seen.linkedWhilePending)
        #expect(String(decoding: try FileSystem.read(path), as: UTF8.self) == "new\n")
        #expect(try Self.names(besides: path) == ["plan.md"])
    }

    /// Replaces the file at `path` with a new one holding `text`, as editors that save by rename do.
    static func saveByRename(_ path: String, _ text: String) {
        let other = path + ".editor-save"
        precondition(FileManager.default.createFile(atPath: other, contents: Data(text.utf8)))
        precondition(rename(other, path) == 0)
    }

    /// One save in the window (in place, or as `first` saves it), then a second one right after
    /// hearth's rename (`second` saves it).
    static func saveTwice(_ path: String, first: @escaping @Sendable (String) -> Void = { Self.saveInPlace($0, "first save\n") },
                          second: @escaping @Sendable (String) -> Void) throws -> NotebookError? {
        do {
            try FileSystem.$beforeReplacingRename.withValue({ if $0 == path { first($0) } }) {
                try FileSystem.$afterReplacingRename.withValue({ if $0 == path { second($0) } }) {
                    try FileSystem.replace(path, with: Array("hearth's version\n".utf8), expecting: Array("draft\n".utf8))
                }
            }
        } catch {
            return error as? NotebookError
        }
        return nil
    }

    @Test("a second save right after the rename, in place or by rename: it stays, the first is kept beside it",
          arguments: [false, true])
    func secondSaveAfterTheRenameStaysAndTheFirstIsKept(byRename: Bool) throws {
        let tmp = try TemporaryNotebook()
        let path = try tmp.write("notes/plan.md", "draft\n")
        let error = try Self.saveTwice(path) { byRename ? Self.saveByRename($0, "second save\n") : Self.saveInPlace($0, "second save\n") }
        try Self.expectSecondStaysAndFirstIsKept(error, at: path)
    }

    /// `error` names the visible copy holding the first save; the second save is in place.
    static func expectSecondStaysAndFirstIsKept(_ error: NotebookError?, at path: String) throws {
        let copy = (path as NSString).deletingLastPathComponent + "/plan.conflict-editor.md"
        guard case .io(path, "write", let reason) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(reason.contains(copy), "\(reason)")
        #expect(String(decoding: try FileSystem.read(path), as: UTF8.self) == "second save\n")
        #expect(String(decoding: try FileSystem.read(copy), as: UTF8.self) == "first save\n")
        #expect(try Self.names(besides: path) == ["plan.conflict-editor.md", "plan.md"])
    }

    @Test func secondSaveWithTheSameBytesLeavesNoCopy() throws {
        let tmp = try TemporaryNotebook()
        let path = try tmp.write("notes/plan.md", "draft\n")
        let error = try Self.saveTwice(path) { Self.saveByRename($0, "first save\n") }
        #expect(error == .changedOnDisk(path: path))
        #expect(String(decoding: try FileSystem.read(path), as: UTF8.self) == "first save\n")
        #expect(try Self.names(besides: path) == ["plan.md"])
    }

    /// An editor that saves by renaming its own file over the note between the guard's link and
    /// hearth's rename: hearth swaps its file in (`RENAME_EXCHANGE`), finds the file it swapped out
    /// is not the one it judged, puts the save back and reports the change.
    @Test(.enabled(if: FileSystem.swapsNames, "needs renameat2 (Linux)"))
    func saveByRenameInTheWindowIsPutBackAndReported() throws {
        let tmp = try TemporaryNotebook()
        let path = try tmp.write("notes/plan.md", "draft\n")
        #expect(throws: NotebookError.changedOnDisk(path: path)) {
            try FileSystem.$beforeReplacingRename.withValue({ if $0 == path { Self.saveByRename($0, "saved by rename\n") } }) {
                try FileSystem.replace(path, with: Array("hearth's version\n".utf8), expecting: Array("draft\n".utf8))
            }
        }
        #expect(String(decoding: try FileSystem.read(path), as: UTF8.self) == "saved by rename\n")
        #expect(try Self.names(besides: path) == ["plan.md"])
    }

    /// The same, and the user saves again right after the swap, in place into hearth's file or by
    /// rename: the newest stays, the save the swap took out is kept beside it.
    @Test(.enabled(if: FileSystem.swapsNames, "needs renameat2 (Linux)"), arguments: [false, true])
    func saveByRenameInTheWindowThenAnotherSaveKeepsBoth(secondInPlace: Bool) throws {
        let tmp = try TemporaryNotebook()
        let path = try tmp.write("notes/plan.md", "draft\n")
        // In place: into hearth's file, just swapped in; by rename: a new file.
        let failure = try Self.saveTwice(path, first: { Self.saveByRename($0, "first save\n") }) {
            secondInPlace ? Self.saveInPlace($0, "second save\n") : Self.saveByRename($0, "second save\n")
        }
        try Self.expectSecondStaysAndFirstIsKept(failure, at: path)
    }

    /// The note deleted between the guard's link and the swap: it stays deleted, the write is
    /// reported as a change, and nothing is left beside it.
    @Test(.enabled(if: FileSystem.swapsNames, "needs renameat2 (Linux)"))
    func deletionInTheWindowStandsAndIsReported() throws {
        let tmp = try TemporaryNotebook()
        let path = try tmp.write("notes/plan.md", "draft\n")
        #expect(throws: NotebookError.changedOnDisk(path: path)) {
            try FileSystem.$beforeReplacingRename.withValue({ if $0 == path { unlink($0) } }) {
                try FileSystem.replace(path, with: Array("hearth's version\n".utf8), expecting: Array("draft\n".utf8))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try Self.names(besides: path).isEmpty)
    }

    /// When no copy can be made in sight (every name taken), the save the swap took out stays
    /// under its hidden name, which the error names; it is never deleted.
    @Test(.enabled(if: FileSystem.swapsNames, "needs renameat2 (Linux)"))
    func aSaveThatCannotBeCopiedIntoSightStaysHidden() throws {
        let tmp = try TemporaryNotebook()
        let path = try tmp.write("notes/plan.md", "draft\n")
        for attempt in 1...100 {
            let copy = NotebookLayout.conflictCopyPath(of: path, label: attempt == 1 ? "editor" : "editor-\(attempt)")
            #expect(FileManager.default.createFile(atPath: copy, contents: Data("older copy\n".utf8)))
        }
        let failure = try Self.saveTwice(path, first: { Self.saveByRename($0, "first save\n") }) { Self.saveByRename($0, "second save\n") }
        guard case .io(path, "write", let reason) = failure else { Issue.record("\(String(describing: failure))"); return }
        let hidden = try Self.names(besides: path).filter { $0.hasPrefix(".") }
        #expect(hidden.count == 1, "\(hidden)")
        let kept = (path as NSString).deletingLastPathComponent + "/" + (hidden.first ?? "")
        #expect(reason.contains(kept), "\(reason)")
        #expect(String(decoding: try FileSystem.read(kept), as: UTF8.self) == "first save\n")
        #expect(String(decoding: try FileSystem.read(path), as: UTF8.self) == "second save\n")
    }

    @Test func guardLinkNameIsOneGitAndListingsIgnore() {
        let name = (FileSystem.temporaryName(near: "/n/days/2026/2026-11-22.md") as NSString).lastPathComponent
        // The pattern `hearth init` writes into `.gitignore` for hearth's temporary files (SyncKit's NotebookSetup).
        #expect(fnmatch(".*.hearth-*.tmp", name, 0) == 0)
        #expect(!NotebookLayout.isEntryPath("days/2026/" + name))
    }
}
