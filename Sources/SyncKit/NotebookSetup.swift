import Foundation
internal import GitKit
import NoteKit

/// `hearth init`: turns a folder (new, or an existing folder of Markdown files) into a notebook.
public enum NotebookSetup {
    /// What `initialize` did.
    public struct Outcome: Sendable {
        /// The notebook root.
        public var root: URL
        /// The device name recorded in the clone's git config.
        public var device: String
        /// False when the folder already was a git repository (adopted as it is).
        public var createdRepository: Bool
        /// The commit that recorded what was there (its full hexadecimal id), nil when nothing
        /// needed committing.
        public var commit: String?
        /// How many `.md` entries the notebook holds.
        public var entryCount: Int
    }

    /// The settings file that travels with the notebook.
    public static let settingsFile = Notebook.settingsFile

    static let defaultSettings = """
        # Hearth notebook settings. They are committed and sync to every device;
        # per-device settings live in each clone's git config (hearth.device).
        version: 1
        # Weekly work-hours target used by `hearth review`.
        work_target_h: 40

        """

    /// Lines hearth needs in `.gitignore`: its own temporary files, editor artefacts (see
    /// ``EditorArtefact``; the snapshot skips those even without the lines) and Obsidian's trash,
    /// then the re-includes that keep folders named like artefacts (`drafts~/`) syncing. Running
    /// init again in an older notebook appends the missing re-includes, after its patterns.
    /// `review-*-to-*.html` is the page `hearth review --html` writes by default: a picture of
    /// the notebook made on one device, not part of it (it would carry every figure into history).
    static let ignoredPatterns = [".*.hearth-*.tmp"] + EditorArtefact.gitignorePatterns + [".trash/", reviewPagePattern]
        + EditorArtefact.gitignoreFolderReincludes

    /// The names `hearth review --html` gives its pages (`review-2025-11-24-to-2026-11-22.html`).
    public static let reviewPagePattern = "review-*-to-*.html"

    /// Creates or adopts a notebook at `root`: a git repository on `main`, `hearth.yaml`,
    /// `.gitignore`, `hearth.device` in the clone's config, and a first commit of what is there.
    /// Existing files are never modified, except that missing ignore patterns are appended to an
    /// existing `.gitignore`.
    ///
    /// A git repository that is not yet a notebook and whose HEAD holds files that are not notes
    /// (see ``isNoteFile(_:)``) is a code project more often than a folder of notes: it is only
    /// adopted with `adopt`, and otherwise refused with ``SyncError/notNotes(path:files:count:)``
    /// before anything is written. A folder without a repository of its own inside another
    /// notebook is refused with ``SyncError/insideNotebook(path:notebook:)``.
    public static func initialize(at root: URL, device: String?, adopt: Bool = false) throws(SyncError) -> Outcome {
        let root = root.standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw SyncError.notAFolder(path: root.path)
        }
        let hadRepository = FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path)
        if !hadRepository, let enclosing = enclosingNotebook(of: root) {
            throw SyncError.insideNotebook(path: root.path, notebook: enclosing.path)
        }
        let repository = try SyncError.wrapping { () throws(GitError) -> Repository in
            hadRepository ? try Repository.open(at: root) : try Repository.create(at: root, initialBranch: "main")
        }
        // Committing in the middle of someone's merge or rebase would record conflict markers and
        // leave the operation dangling; check before writing anything.
        let state = repository.state()
        let conflicted = try SyncError.wrapping { () throws(GitError) -> Bool in try repository.hasConflicts() }
        if state != .clean || conflicted {
            let operation = state == .clean ? "unresolved merge conflicts" : "a \(state) in progress"
            throw SyncError.unfinishedGitOperation(path: root.path, operation: operation)
        }
        let notebook = Notebook(root: root)
        if hadRepository, !adopt, !notebook.exists(settingsFile) {
            let others = try SyncError.wrapping { () throws(GitError) -> [String] in
                guard let head = try repository.headCommitID() else { return [] }
                return try repository.treeFiles(commit: head).map(\.path).filter { !isNoteFile($0) }
            }
            if !others.isEmpty { throw SyncError.notNotes(path: root.path, files: Array(others.prefix(3)), count: others.count) }
        }
        try writeSettings(in: notebook)
        let deviceName = try repository.hearthDevice(preferring: device)
        let entries = notebook.entryPaths().count
        let commit = try SyncError.wrapping { () throws(GitError) -> ObjectID? in
            try repository.setConfig("hearth.device", deviceName)
            return try commitEverything(repository, device: deviceName,
                                        message: "\(deviceName): init notebook (\(entries) \(entries == 1 ? "entry" : "entries"))")
        }
        return Outcome(root: root, device: deviceName, createdRepository: !hadRepository, commit: commit?.description, entryCount: entries)
    }

    /// File extensions (lower case) a folder of notes holds besides its Markdown: plain text and
    /// the attachments note apps embed (Obsidian's images and PDFs).
    static let noteExtensions: Set<String> = ["md", "markdown", "txt", "png", "jpg", "jpeg", "gif", "webp", "svg", "heic", "pdf"]

    /// Whether a committed file belongs in a folder of notes: Markdown, plain text, an attachment,
    /// `hearth.yaml`, or anything under a dot-name (`.gitignore`, `.obsidian/`, `.trash/`: the
    /// settings of git and note apps). Source code, build files and the like are not.
    public static func isNoteFile(_ path: String) -> Bool {
        let components = NotebookLayout.names(of: path)
        if path == settingsFile || components.contains(where: { $0.utf8.first == UInt8(ascii: ".") }) { return true }
        guard let name = components.last, let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return noteExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// Stages every change and commits it, or returns nil when the tree equals HEAD's.
    static func commitEverything(_ repository: Repository, device: String, message: String) throws(GitError) -> ObjectID? {
        try repository.stageAll()
        try repository.unstageEditorArtefacts()
        let tree = try repository.writeIndexTree()
        let head = try repository.headCommitID()
        if let head, try repository.commit(head).treeID == tree { return nil }
        let signature = repository.hearthSignature(device: device)
        return try repository.createCommit(tree: tree, parents: head.map { [$0] } ?? [], message: message + "\n",
                                           author: signature, committer: signature)
    }

    /// The notebook `root` lies in, found as every command finds its notebook from `root`'s
    /// parent (up to the first repository's root; never a `hearth.yaml` in the home folder or
    /// `/`); nil when there is none or `root` is one itself (running init again is harmless).
    static func enclosingNotebook(of root: URL) -> URL? {
        guard !FileManager.default.fileExists(atPath: root.appendingPathComponent(settingsFile).path) else { return nil }
        let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
        return try? NotebookLocation.notebook(containing: root.deletingLastPathComponent(), home: home).root
    }

    /// Writes `hearth.yaml` when absent and the ignore patterns into `.gitignore`, committing nothing.
    static func writeSettings(in notebook: Notebook) throws(SyncError) {
        try writeIfAbsent(settingsFile, defaultSettings, in: notebook)
        try ensureIgnores(in: notebook)
    }

    /// The bytes `writeSettings` gives each file it creates in a folder that had neither: what a
    /// clone of an empty remote holds until its first sync.
    static var freshFiles: [String: [UInt8]] {
        [settingsFile: Array(defaultSettings.utf8), ".gitignore": Array(freshIgnoreText.utf8)]
    }

    private static var freshIgnoreText: String {
        "# Written by hearth init.\n" + ignoredPatterns.joined(separator: "\n") + "\n"
    }

    private static func writeIfAbsent(_ name: String, _ text: String, in notebook: Notebook) throws(SyncError) {
        guard !notebook.exists(name) else { return }
        do {
            try FileSystem.replace(notebook.absolutePath(name), with: Array(text.utf8), expecting: nil)
        } catch {
            throw SyncError.notebook(error)
        }
    }

    private static func ensureIgnores(in notebook: Notebook) throws(SyncError) {
        let path = notebook.absolutePath(".gitignore")
        guard notebook.exists(".gitignore") else {
            try writeIfAbsent(".gitignore", freshIgnoreText, in: notebook)
            return
        }
        do {
            // Work on bytes: a .gitignore in another encoding must come back byte for byte, with
            // only the missing ASCII patterns added at the end.
            let bytes = try FileSystem.read(path)
            let present = Set(bytes.split(separator: UInt8(ascii: "\n")).map { line in
                String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            })
            let missing = ignoredPatterns.filter { !present.contains($0) }
            guard !missing.isEmpty else { return }
            let separator: [UInt8] = bytes.isEmpty || bytes.last == UInt8(ascii: "\n") ? [] : [UInt8(ascii: "\n")]
            let addition = "# Added by hearth init.\n" + missing.joined(separator: "\n") + "\n"
            try FileSystem.replace(path, with: bytes + separator + Array(addition.utf8), expecting: bytes)
        } catch {
            throw SyncError.notebook(error)
        }
    }
}

// MARK: - Remotes

extension NotebookSetup {
    /// Creates an empty folder remote at `folder` (a bare git repository on `main`, missing
    /// folders created): a place on another disk, a USB stick or a mounted share that any number of
    /// notebooks sync through. Like `git init --bare`, running it on an existing repository
    /// leaves that repository's contents as they are.
    public static func createFolderRemote(at folder: URL) throws(SyncError) {
        _ = try SyncError.wrapping { () throws(GitError) in
            try Repository.create(at: folder, initialBranch: "main", bare: true)
        }
    }

    /// Adds the remote `name` at `url` to the notebook at `root`, as `git remote add` would: `url`
    /// is a folder, `file://`, `ssh://`, `user@host:path` or `https://`. ``Syncer/sync()`` then
    /// picks the notebook's only remote, or `origin`, by itself.
    ///
    /// - Throws: ``SyncError/noRepository(path:)`` when `root` holds no notebook, another
    ///   ``SyncError`` when a remote of that name exists or git refuses the name.
    public static func addRemote(name: String, url: String, toNotebookAt root: URL) throws(SyncError) {
        let repository = try Repository.openNotebook(at: root)
        _ = try SyncError.wrapping { () throws(GitError) in try repository.addRemote(name: name, url: url) }
    }
}
