import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Editor artefacts never travel (issue 12, section 3), end to end with the built `hearth`, the
/// git CLI as the other client, a bare remote and a second clone: the sync skips them whatever
/// the notebook's `.gitignore` says, `hearth check` reports the ones already committed and
/// `hearth check --fix` takes them out of the repository and never off a disk.
@Suite struct EditorArtefactSyncTests {
    typealias TwoDevices = SyncCommandTests.TwoDevices
    static let path = SyncCommandTests.path
    static let swap = "days/2026/.2026-11-22.md.swp"

    /// One file of every kind of artefact, as each program leaves it (the emacs lock is a link).
    static let artefacts: [String: String] = [
        swap: "b0VIM 9.0\0laptop swap\n",
        "days/2026/.2026-11-22.md.swo": "second vim\n",
        "days/2026/.2026-11-22.md.swx": "vim test\n",
        "days/2026/4913": "",
        "days/2026/2026-11-22.md~": "vim backup\n",
        "days/2026/#2026-11-22.md#": "emacs auto-save\n",
        ".idea/workspace.xml": "<project/>\n",
        ".vscode/settings.json": "{}\n",
        ".DS_Store": "finder\n",
        "attachments/~$report.docx": "office lock\n",
        ".obsidian/workspace.json": "{\"main\": {}}\n",
        ".obsidian/workspace-mobile.json": "{}\n",
        ".obsidian/workspaces.json": "{}\n",
        ".obsidian/cache": "cache\n",
    ]
    static let emacsLock = "days/2026/.#2026-11-22.md"
    /// Notes whose names only look like artefacts.
    static let lookAlikes = ["notes/notes~draft.md", "notes/#tag.md"]

    /// Replaces the notebook's `.gitignore` with a user's own that has none of hearth's patterns
    /// (an older notebook, an adopted folder) and syncs that.
    func dropIgnorePatterns(_ notebook: TemporaryNotebook) throws {
        try notebook.write(".gitignore", "# my own\n*.log\n")
        try notebook.hearth("sync").requireSuccess()
        #expect(try notebook.git("show", "HEAD:.gitignore").stdout == "# my own\n*.log\n")
    }

    /// The files in a commit of the repository at `directory` (default: the laptop's notebook).
    func tree(_ notebook: TemporaryNotebook, _ revision: String = "HEAD", in directory: URL? = nil) throws -> Set<String> {
        let listed = try notebook.git(in: directory ?? notebook.root, "ls-tree", "-r", "-z", "--name-only", revision)
        try listed.requireSuccess()
        return Set(listed.stdout.split(separator: "\0").map(String.init))
    }

    @Test func aSyncCommitsNoArtefactWhenTheGitignoreLacksThePatterns() throws {
        let devices = try TwoDevices()
        let notebook = devices.notebook
        try dropIgnorePatterns(notebook)
        for (path, text) in Self.artefacts { try notebook.write(path, text) }
        try FileManager.default.createSymbolicLink(atPath: notebook.url(Self.emacsLock).path, withDestinationPath: "tester@laptop.4242:1764000000")
        for path in Self.lookAlikes { try notebook.write(path, "a note\n") }
        try notebook.write(Self.path, try notebook.text(Self.path) + "saved next to the swap file\n")
        // git itself would commit them: the patterns are really missing.
        let untracked = try notebook.git("status", "--porcelain", "--untracked-files=all").stdout
        #expect(untracked.contains(Self.swap) && untracked.contains(".DS_Store"), "\(untracked)")
        let before = try notebook.snapshot()
        // What is waiting to be synced is the notes, never the editors' files.
        for command in ["status", "diff"] {
            let shown = try notebook.hearth(command)
            #expect(shown.status == 0 && shown.stdout.contains(Self.path) && shown.stdout.contains("notes~draft.md"), "\(shown)")
            #expect(![".swp", ".swo", ".swx", "4913", "md~", "#2026", ".idea", ".vscode", ".DS_Store", "~$", "workspace", "cache", ".#"]
                .contains(where: shown.stdout.contains), "\(shown)")
        }

        let sync = try notebook.hearth("sync")
        #expect(sync.status == 0, "\(sync)")
        let committed = try tree(notebook)
        let artefacts = Set(Self.artefacts.keys).union([Self.emacsLock])
        #expect(committed.isDisjoint(with: artefacts), "\(committed.intersection(artefacts))")
        #expect(committed.isSuperset(of: Self.lookAlikes + [Self.path]), "\(committed)")
        #expect(try notebook.git("show", "HEAD:\(Self.path)").stdout.contains("saved next to the swap file\n"))
        #expect(try tree(notebook, "main", in: devices.remote) == committed)
        // Left exactly as they were, and not reported as waiting for a sync that will never send them.
        #expect(try notebook.snapshot() == before)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: notebook.url(Self.emacsLock).path) == "tester@laptop.4242:1764000000")
        let status = try notebook.hearth("status")
        #expect(status.stdout.contains("Nothing waiting to be synced."), "\(status)")

        try devices.desk("sync").requireSuccess()
        let desk = try TemporaryNotebook.files(under: devices.desk)
        #expect(Set(desk.keys).isDisjoint(with: artefacts), "\(desk.keys.sorted())")
        #expect(desk[Self.path].map { String(decoding: $0, as: UTF8.self) }?.contains("saved next to the swap file\n") == true)
    }

    @Test func aTrackedArtefactsChangesAreNeverCommitted() throws {
        let devices = try TwoDevices()
        let notebook = devices.notebook
        try dropIgnorePatterns(notebook)
        try notebook.write(".DS_Store", "committed by hand\n")
        try notebook.git("add", ".DS_Store").requireSuccess()
        try notebook.git("commit", "-q", "-m", "by hand").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        let committed = try notebook.git("rev-parse", "HEAD:.DS_Store").stdout

        try notebook.write(".DS_Store", "changed by Finder\n")
        try notebook.write(Self.path, try notebook.text(Self.path) + "an edit\n")
        try notebook.hearth("sync").requireSuccess()
        #expect(try notebook.git("log", "-1", "--format=%s").stdout == "laptop: edit \(Self.path) (body)\n")
        #expect(try notebook.git("rev-parse", "HEAD:.DS_Store").stdout == committed)
        #expect(try notebook.git(in: devices.remote, "rev-parse", "main:.DS_Store").stdout == committed)
        #expect(try notebook.text(".DS_Store") == "changed by Finder\n")
        // Deleting it is a change of the artefact too: not committed either.
        try FileManager.default.removeItem(at: notebook.url(".DS_Store"))
        try notebook.hearth("sync").requireSuccess()
        #expect(try notebook.git("rev-parse", "HEAD:.DS_Store").stdout == committed)
    }

    /// A notebook (no remote) with two artefacts committed with the git CLI, one entry edit not
    /// yet committed.
    func notebookWithCommittedArtefacts() throws -> TemporaryNotebook {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        try notebook.write(Self.swap, "b0VIM 9.0\0laptop swap\n")
        try notebook.write(".DS_Store", "finder\n")
        // -f: hearth init's .gitignore names both; git was told to take them anyway.
        try notebook.git("add", "-f", Self.swap, ".DS_Store").requireSuccess()
        try notebook.git("commit", "-q", "-m", "by hand").requireSuccess()
        try notebook.write(Self.path, try notebook.text(Self.path) + "not synced yet\n")
        return notebook
    }

    @Test func checkReportsCommittedArtefactsAndFixTakesThemOutOfTheRepositoryOnly() throws {
        let notebook = try notebookWithCommittedArtefacts()
        let before = try notebook.snapshot()
        let head = try notebook.git("rev-parse", "HEAD").stdout

        let check = try notebook.hearth("check")
        #expect(check.status == 0, "\(check)")
        let advice = "is committed to the repository; hearth never commits editor artefacts (hearth check --fix removes it from the repository, not from the disk)"
        #expect(check.stdoutLines == [".DS_Store: warning: macOS Finder's folder state \(advice)",
                                      "\(Self.swap): warning: a vim swap file \(advice)"], "\(check)")
        #expect(check.stderr.contains("2 warnings"), "\(check)")
        #expect(try notebook.git("rev-parse", "HEAD").stdout == head)
        #expect(try notebook.snapshot() == before)

        let fix = try notebook.hearth("check", "--fix")
        #expect(fix.status == 0, "\(fix)")
        #expect(fix.stdout.isEmpty, "\(fix)")
        #expect(fix.stderr.contains("removed 2 editor artefacts from the repository in commit"), "\(fix)")
        #expect(fix.stderr.contains("0 warnings"), "\(fix)")
        // One commit on top, deleting exactly the two; every file on disk as it was.
        #expect(try notebook.git("rev-parse", "HEAD^").stdout == head)
        #expect(try notebook.git("diff", "--name-status", "HEAD^", "HEAD").stdout == "D\t.DS_Store\nD\t\(Self.swap)\n")
        #expect(try notebook.git("log", "-1", "--format=%B").stdout == """
            laptop: remove 2 editor artefacts from the repository (kept on disk)

            delete .DS_Store (macOS Finder's folder state)
            delete \(Self.swap) (a vim swap file)


            """)
        #expect(try notebook.snapshot() == before)
        let status = try notebook.git("status", "--porcelain", "--ignored", "--untracked-files=all").stdoutLines
        #expect(status == [" M \(Self.path)", "!! .DS_Store", "!! \(Self.swap)"], "\(status)")

        // The signature is the sync's own: the next sync's commit has the same author and committer.
        try notebook.hearth("sync").requireSuccess()
        let signatures = try notebook.git("log", "-2", "--format=%an <%ae> %cn <%ce>").stdoutLines
        #expect(signatures.count == 2 && signatures[0] == signatures[1], "\(signatures)")
        #expect(try notebook.git("log", "-1", "--format=%s").stdout == "laptop: edit \(Self.path) (body)\n")
        let again = try notebook.hearth("check", "--fix")
        #expect(again.status == 0 && again.stdout.isEmpty && !again.stderr.contains("removed"), "\(again)")
        #expect(try notebook.git("log", "-1", "--format=%s").stdout == "laptop: edit \(Self.path) (body)\n")
    }

    @Test func checkFixWaitsForARunningSyncAndChangesNothingWhenItCannot() throws {
        let notebook = try notebookWithCommittedArtefacts()
        let head = try notebook.git("rev-parse", "HEAD").stdout
        let lock = open(notebook.url(".git/hearth-sync.lock").path, O_RDWR | O_CREAT, 0o644)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX) == 0)

        let locked = try notebook.hearth("check", "--fix", "--wait", "0.2")
        #expect(locked.status == 1 && locked.stderr.contains("another sync is running"), "\(locked)")
        #expect(try notebook.git("rev-parse", "HEAD").stdout == head)
        #expect(try tree(notebook).contains(Self.swap))
        // Looking needs no lock.
        let look = try notebook.hearth("check")
        #expect(look.status == 0 && look.stdoutLines.count == 2, "\(look)")

        flock(lock, LOCK_UN)
        try notebook.hearth("check", "--fix", "--wait", "0.2").requireSuccess()
        #expect(try !tree(notebook).contains(Self.swap))
    }

    @Test func theRemovalReachesTheOtherDeviceWithoutTouchingItsEditorsFiles() throws {
        let devices = try TwoDevices()
        let notebook = devices.notebook
        let deskFile = { (path: String) in devices.desk.appendingPathComponent(path) }
        let deskText = { (path: String) in try String(decoding: Data(contentsOf: deskFile(path)), as: UTF8.self) }
        // The desk's own vim has another day open: its swap file is the desk's alone.
        let ownSwap = "days/2026/.2026-11-21.md.swp"
        try notebook.write(deskFile(ownSwap), bytes: Array("desk's own swap\n".utf8))
        // An older hearth (or git) on the laptop committed swap files, one at that very path.
        try notebook.write(Self.swap, "laptop's stale swap\n")
        try notebook.write(ownSwap, "laptop's other swap\n")
        try notebook.write(".DS_Store", "laptop's finder\n")
        try notebook.git("add", "-f", Self.swap, ownSwap, ".DS_Store").requireSuccess()
        try notebook.git("commit", "-q", "-m", "by hand").requireSuccess()
        try notebook.hearth("sync").requireSuccess()

        let received = try devices.desk("sync")
        #expect(received.status == 0, "\(received)")
        #expect(!received.stdout.contains("kept"), "\(received)")
        #expect(try deskText(Self.swap) == "laptop's stale swap\n")
        #expect(try deskText(".DS_Store") == "laptop's finder\n")
        #expect(try deskText(ownSwap) == "desk's own swap\n", "an untracked swap file was overwritten")
        // The desk's vim now writes the swap file that arrived (the user chose to delete the stale one).
        try notebook.write(deskFile(Self.swap), bytes: Array("desk's live swap\n".utf8))

        try notebook.hearth("check", "--fix").requireSuccess()
        try notebook.hearth("sync").requireSuccess()
        let removal = try devices.desk("sync")
        #expect(removal.status == 0, "\(removal)")
        #expect(!removal.stdout.contains("kept"), "\(removal)")
        // The copy that only arrived by sync goes with the removal; the editor's files stay as they are.
        #expect(!FileManager.default.fileExists(atPath: deskFile(".DS_Store").path))
        #expect(try deskText(Self.swap) == "desk's live swap\n")
        #expect(try deskText(ownSwap) == "desk's own swap\n")
        #expect(!FileManager.default.fileExists(atPath: deskFile(".git/hearth/pending").path))
        try devices.desk("sync").requireSuccess()
        let remote = try tree(notebook, "main", in: devices.remote)
        #expect(remote.isDisjoint(with: [Self.swap, ownSwap, ".DS_Store"]), "\(remote)")
        #expect(try tree(notebook, "HEAD", in: devices.desk) == remote)
        // Neither of the desk's own swap files was ever sent.
        for text in ["desk's live swap\n", "desk's own swap\n"] {
            let copy = notebook.base.appendingPathComponent("blob")
            try notebook.write(copy, bytes: Array(text.utf8))
            let id = try notebook.git(in: notebook.base, "hash-object", copy.path).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(id.count == 40, "\(id)")
            #expect(try notebook.git(in: devices.remote, "cat-file", "-e", id).status != 0, "\(text) reached the remote")
        }
    }
}
