import Foundation
import TestSupport
import Testing

/// Bad input to `hearth clone`, `sync`, `status` and `resolve` through the built binary: exit 1,
/// a message on stderr that names the file or remote and says what to do, nothing changed.
@Suite(.badInputReport) struct SyncBadInputCLITests {
    typealias TwoDevices = SyncCommandTests.TwoDevices
    static let path = SyncCommandTests.path

    /// Runs a shell line (for `git mktree < file`) in `directory`.
    func shell(_ notebook: TemporaryNotebook, in directory: URL, _ line: String) throws -> ProcessResult {
        try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", line], in: directory, environment: notebook.environment())
    }

    /// A bare repository holding one commit of a plain project (no hearth.yaml).
    func plainRemote(_ notebook: TemporaryNotebook) throws -> URL {
        let work = notebook.base.appendingPathComponent("project")
        let bare = notebook.base.appendingPathComponent("project.git")
        try notebook.git(in: notebook.base, "init", "-q", "--initial-branch=main", work.path).requireSuccess()
        try notebook.write(work.appendingPathComponent("README.md"), bytes: Array("# project\n".utf8))
        try notebook.git(in: work, "add", "-A").requireSuccess()
        try notebook.git(in: work, "commit", "-q", "-m", "project").requireSuccess()
        try notebook.git(in: notebook.base, "clone", "-q", "--bare", work.path, bare.path).requireSuccess()
        return bare
    }

    /// Pushes, from a scratch clone of `remote`, a commit adding `../escaped.md` (a tree entry
    /// named `..`; `name` instead of `escaped.md` when given), made with git mktree; returns the scratch clone.
    func pushDotDot(_ notebook: TemporaryNotebook, to remote: URL, name: String = "escaped.md") throws -> URL {
        let scratch = notebook.base.appendingPathComponent("mallory")
        try notebook.git(in: notebook.base, "clone", "-q", remote.path, scratch.path).requireSuccess()
        let blob = try shell(notebook, in: scratch, "echo escaped | git hash-object -w --stdin").requireSuccess().stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let inner = try shell(notebook, in: scratch, "printf '100644 blob \(blob)\\t\(name)\\n' | git mktree").requireSuccess().stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let tree = try shell(notebook, in: scratch, "(git ls-tree HEAD; printf '040000 tree \(inner)\\t..\\n') | git mktree").requireSuccess().stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try notebook.git(in: scratch, "commit-tree", tree, "-p", "HEAD", "-m", "mallory: add ../\(name)").requireSuccess().stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try notebook.git(in: scratch, "push", "-q", "origin", "\(commit):refs/heads/main").requireSuccess()
        return scratch
    }

    func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    @Test func cloneOfAPlainRepositoryIsRefusedAndLeavesNoFolder() throws {
        let notebook = try TemporaryNotebook()
        let remote = try plainRemote(notebook)
        let target = notebook.base.appendingPathComponent("copy")
        let result = try notebook.hearth(["clone", remote.path, target.path, "--device", "desk"], in: notebook.base)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.hasPrefix("hearth: error: \(remote.path)"), "\(result)")
        #expect(result.stderr.contains("no hearth.yaml") && result.stderr.contains("git clone and run hearth init"), "\(result)")
        #expect(!exists(target), "the refused clone left a folder")
        // An empty folder given as the target stays, empty.
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        #expect(try notebook.hearth(["clone", remote.path, target.path], in: notebook.base).status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
    }

    @Test func cloneOfARemoteWithADotDotPathWritesNothingOutside() throws {
        let devices = try TwoDevices()
        let notebook = devices.notebook
        _ = try pushDotDot(notebook, to: devices.remote)
        let target = notebook.base.appendingPathComponent("copy")
        let result = try notebook.hearth(["clone", devices.remote.path, target.path, "--device", "desk"], in: notebook.base)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("invalid path '../escaped.md'"), "\(result)")
        #expect(!exists(target), "the failed clone left a folder")
        #expect(!exists(notebook.base.appendingPathComponent("escaped.md")))
    }

    @Test func syncRefusesADotDotPathNamesItAndChangesNothing() throws {
        let devices = try TwoDevices()
        let notebook = devices.notebook
        try devices.desk("jot", "Desk line.").requireSuccess()
        _ = try pushDotDot(notebook, to: devices.remote)
        let result = try devices.desk("sync")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.hasPrefix("hearth: error: ../escaped.md: commit "), "\(result)")
        #expect(result.stderr.contains("Nothing was changed here") && result.stderr.contains("then run hearth sync again"), "\(result)")
        #expect(!exists(notebook.base.appendingPathComponent("escaped.md")))
        #expect(try devices.deskText(Self.path).contains("Desk line."))
        // status still works, and says the desk's commit is not sent yet.
        let status = try devices.desk("status")
        #expect(status.status == 0, "\(status)")
    }

    /// A '/' followed by a combining mark is one Character with it: the `..` before it is
    /// found all the same, since paths are split at the '/' byte.
    @Test func syncRefusesADotDotBeforeACombiningMarkAndWritesNothingOutside() throws {
        let devices = try TwoDevices()
        let notebook = devices.notebook
        let outsideBefore = Set(try FileManager.default.contentsOfDirectory(atPath: notebook.base.path))
        _ = try pushDotDot(notebook, to: devices.remote, name: "\u{301}escaped.md")
        let result = try devices.desk("sync")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.hasPrefix("hearth: error: ../\u{301}escaped.md: commit "), "\(result)")
        #expect(result.stderr.contains("Nothing was changed here"), "\(result)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: notebook.base.path)) == outsideBefore.union(["mallory"]))
        #expect(try devices.deskText(Self.path).contains("energy: 3"))
    }

    @Test func syncWithAnUnrelatedNotebookExitsOneAndSaysHowToJoinIt() throws {
        let devices = try TwoDevices()
        let notebook = devices.notebook
        // Another device's own `hearth init` (a different device name, so not the very same
        // first commit, which two inits in the same second with the same name would make).
        let other = try TemporaryNotebook()
        try other.hearth("init", "nb", "--device", "stranger", in: other.base).requireSuccess()
        let otherRemote = other.base.appendingPathComponent("other.git")
        try other.git("init", "-q", "--bare", "--initial-branch=main", otherRemote.path).requireSuccess()
        try other.hearth("remote", "add", "origin", otherRemote.path).requireSuccess()
        try other.hearth("sync").requireSuccess()
        try notebook.git(in: notebook.root, "remote", "set-url", "origin", otherRemote.path).requireSuccess()
        let before = try notebook.snapshot()
        let head = try notebook.git(in: notebook.root, "rev-parse", "HEAD").requireSuccess().stdout
        let result = try notebook.hearth("sync")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("'origin' holds another notebook") && result.stderr.contains("hearth clone"), "\(result)")
        #expect(try notebook.snapshot() == before)
        #expect(try notebook.git(in: notebook.root, "rev-parse", "HEAD").requireSuccess().stdout == head)
        #expect(try notebook.git(in: notebook.root, "rev-list", "--merges", "--count", "HEAD").requireSuccess().stdout == "0\n")
    }

    @Test func aPlainRepositoryAsRemoteIsRefusedByName() throws {
        let devices = try TwoDevices()
        let notebook = devices.notebook
        let remote = try plainRemote(notebook)
        try notebook.git(in: notebook.root, "remote", "set-url", "origin", remote.path).requireSuccess()
        let result = try notebook.hearth("sync")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("no hearth notebook (no hearth.yaml)") && result.stderr.contains("hearth remote list"), "\(result)")
        #expect(!notebook.exists("README.md"))
    }

    @Test func anUnsupportedExtensionStopsSyncStatusAndResolveWithTheFixInTheMessage() throws {
        let devices = try TwoDevices()
        let notebook = devices.notebook
        try notebook.git(in: notebook.root, "config", "core.repositoryformatversion", "1").requireSuccess()
        try notebook.git(in: notebook.root, "config", "extensions.worktreeConfig", "true").requireSuccess()
        let before = try notebook.snapshot()
        for arguments in [["sync"], ["status"], ["resolve", "abc", "--keep", "laptop"]] {
            let result = try notebook.hearth(arguments)
            #expect(result.status == 1, "\(arguments): \(result)")
            #expect(result.stderr.contains("git config --unset extensions.worktreeConfig"), "\(arguments): \(result)")
        }
        #expect(try notebook.snapshot() == before)
        try notebook.git(in: notebook.root, "config", "--unset", "extensions.worktreeConfig").requireSuccess()
        #expect(try notebook.hearth("sync").status == 0)
    }

    @Test func aMalformedEntryOnOneDeviceSyncsAsAFileConflictBothVersionsKept() throws {
        let devices = try TwoDevices()
        let notebook = devices.notebook
        let laptopText = try notebook.text(Self.path).replacingOccurrences(of: "energy: 3", with: "energy: [3")
        try notebook.write(Self.path, laptopText)
        try notebook.hearth("sync").requireSuccess()
        try devices.desk("set", "today", "mood=5").requireSuccess()
        let deskText = try devices.deskText(Self.path)
        let result = try devices.desk("sync")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("conflict \(Self.path)"), "\(result)")
        try notebook.hearth("sync").requireSuccess()
        for root in [notebook.root, devices.desk] {
            let texts = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("days/2026").path)
                .map { try String(contentsOf: root.appendingPathComponent("days/2026/\($0)"), encoding: .utf8) }
            #expect(Set(texts) == [laptopText, deskText], "\(root.lastPathComponent)")
        }
        let conflicts = try notebook.hearth("conflicts")
        #expect(conflicts.stdout.contains(Self.path), "\(conflicts)")
    }

    @Test func aReadOnlyEntryIsKeptAsItIsUntilWritableThenUpdated() throws {
        let devices = try TwoDevices()
        let notebook = devices.notebook
        try devices.desk("sync").requireSuccess()
        let deskFile = devices.desk.appendingPathComponent(Self.path)
        let deskBefore = try Data(contentsOf: deskFile)
        chmod(deskFile.path, 0o444)
        try notebook.hearth("jot", "Laptop line.").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        let result = try devices.desk("sync")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("kept     \(Self.path)") && result.stdout.contains("read-only"), "\(result)")
        #expect(try Data(contentsOf: deskFile) == deskBefore)
        #expect(try FileManager.default.attributesOfItem(atPath: deskFile.path)[.posixPermissions] as? Int == 0o444)
        // Syncing again while it is read-only never sends the old bytes over the laptop's line.
        try devices.desk("sync").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        #expect(try notebook.text(Self.path).contains("Laptop line."))
        chmod(deskFile.path, 0o644)
        try devices.desk("sync").requireSuccess()
        #expect(try devices.deskText(Self.path).contains("Laptop line."))
        #expect(try notebook.git(in: devices.desk, "status", "--porcelain").requireSuccess().stdout.isEmpty)
    }

    /// A write failure injected without a tmpfs or a test hook: the shell caps the size of any
    /// file `hearth` writes (`ulimit -f`, SIGXFSZ ignored so write() fails with EFBIG, as on a
    /// full disk).
    @Test func aFileTooBigToWriteKeepsTheOldBytesAndTheNextSyncWritesIt() throws {
        let devices = try TwoDevices()
        let notebook = devices.notebook
        let big = try notebook.text(Self.path) + String(repeating: "- a long day, written down line by line\n", count: 3 << 20 / 40)
        try notebook.write(Self.path, big)
        try notebook.hearth("sync").requireSuccess()
        let deskFile = devices.desk.appendingPathComponent(Self.path)
        let before = try Data(contentsOf: deskFile)
        let binary = try #require(HearthBinary.url)
        // 2048 blocks of 512 bytes: 1 MB, below the 3 MB entry, above every pack and index.
        let capped = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "trap '' XFSZ; ulimit -f 2048; exec '\(binary.path)' sync"],
                                           in: devices.desk, environment: notebook.environment())
        #expect(capped.status == 0, "\(capped)")
        #expect(capped.stdout.contains("kept     \(Self.path)") && capped.stdout.contains("disk full"), "\(capped)")
        #expect(try Data(contentsOf: deskFile) == before, "the old file was damaged")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: deskFile.deletingLastPathComponent().path).filter { $0.contains(".hearth-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(try notebook.git(in: devices.desk, "fsck", "--no-progress").status == 0)
        let again = try devices.desk("sync")
        #expect(again.status == 0, "\(again)")
        #expect(try devices.deskText(Self.path) == big)
        #expect(try notebook.git(in: devices.desk, "status", "--porcelain").requireSuccess().stdout.isEmpty)
        #expect(try notebook.git(in: devices.desk, "rev-parse", "HEAD").requireSuccess().stdout
                == (try notebook.git(in: notebook.root, "rev-parse", "HEAD").requireSuccess().stdout))
    }
}
