import Dispatch
import Foundation

/// A folder of Markdown entries: a hearth notebook, or any folder of `.md` files such as an
/// Obsidian vault. Kinds come from `kind:` or the folder, never from a hidden database.
public struct Notebook: Sendable {
    /// The notebook's root folder (absolute, standardized).
    public let root: URL

    /// The settings file whose folder is a notebook's root; it travels with the notebook.
    public static let settingsFile = "hearth.yaml"

    /// Opens the notebook rooted at `root`.
    public init(root: URL) {
        // A directory URL, so paths resolve inside the root whether or not the caller's URL
        // ended in a slash.
        self.root = URL(fileURLWithPath: root.standardizedFileURL.path, isDirectory: true)
    }

    /// The absolute file-system path of a notebook-relative path.
    public func absolutePath(_ relativePath: String) -> String {
        root.path + "/" + relativePath
    }

    /// Relative paths of every `.md` entry, sorted.
    public func entryPaths() -> [String] {
        FileSystem.markdownFiles(under: root.path)
    }

    /// Reads and parses one entry; a path that leads out of the notebook is refused.
    public func load(_ relativePath: String) throws(NotebookError) -> Note {
        try loadWithBytes(containedPath(relativePath), path: relativePath).note
    }

    /// Reads and parses the file at `absolute`, keeping the bytes for a later compare-and-write.
    private func loadWithBytes(_ absolute: String, path relativePath: String) throws(NotebookError) -> (note: Note, bytes: [UInt8]) {
        let bytes = try FileSystem.read(absolute)
        do throws(Diagnostic) {
            let text = try TextDecoder.decode(bytes, path: relativePath)
            return (try Note(parsing: text, path: relativePath), bytes)
        } catch {
            throw NotebookError.unreadable(error)
        }
    }

    /// Parses every entry (in parallel) and returns those matching `query`, plus a diagnostic for
    /// every file that could not be read. Unreadable files never stop the scan.
    public func scan(_ query: Query = Query(), paths: [String]? = nil) -> NotebookScan {
        let paths = paths ?? entryPaths()
        let results: [Result<Note, Diagnostic>?] = ParallelMap.map(paths) { path in
            do throws(NotebookError) {
                // Enumeration already left out links that lead outside, so the scan skips the
                // per-file containment check that single reads and writes make.
                let note = try loadWithBytes(absolutePath(path), path: path).note
                return query.matches(note) ? .success(note) : nil
            } catch {
                return .failure(Notebook.diagnostic(error, path: path))
            }
        }
        var scan = NotebookScan()
        for result in results {
            switch result {
            case .success(let note): scan.notes.append(note)
            case .failure(let diagnostic): scan.diagnostics.append(diagnostic)
            case nil: break
            }
        }
        return scan
    }

    /// How a scan reports an entry it could not read.
    static func diagnostic(_ error: NotebookError, path: String) -> Diagnostic {
        switch error {
        case .unreadable(let diagnostic): return diagnostic
        default: return Diagnostic(path: path, line: 0, message: error.description)
        }
    }

    /// Edits one entry in place: reads it, applies `change`, and writes the result atomically only
    /// if the text changed and the file still holds the bytes that were read.
    ///
    /// A file that cannot be parsed is never rewritten: the parse error is thrown instead. A path
    /// leading out of the notebook (through `..` or a linked folder) is refused, and so is a result
    /// that would not parse back.
    ///
    /// - Throws: ``NotebookError``, or whatever `change` throws (nothing is written then).
    @discardableResult
    public func update(_ relativePath: String, _ change: (inout Note) throws -> Void) throws -> Note {
        let absolute = try containedPath(relativePath)
        let (original, bytes) = try loadWithBytes(absolute, path: relativePath)
        var note = original
        try change(&note)
        if let refused = note.frontMatter?.refusedEdit {
            throw NotebookError.unreadable(Diagnostic(path: relativePath, line: refused.line, message: refused.message, hint: refused.hint))
        }
        guard note.text != original.text else { return note }
        try Notebook.checkReadsBack(note)
        try FileSystem.replace(absolute, with: Array(note.text.utf8), expecting: bytes)
        return note
    }

    /// Writes a new entry; fails when a file is already at its path.
    public func create(_ note: Note) throws(NotebookError) {
        let path = try containedPath(note.path)
        try Notebook.checkReadsBack(note)
        try FileSystem.createParents(of: path)
        try FileSystem.replace(path, with: Array(note.text.utf8), expecting: nil)
    }

    /// Checks that ``create(_:)`` would accept `note` (inside the notebook, nothing at its path,
    /// text that reads back), without writing: commands that write many entries check them all
    /// first, so a bad one leaves nothing half-done.
    public func checkCreatable(_ note: Note) throws(NotebookError) {
        _ = try containedPath(note.path)
        if exists(note.path) { throw NotebookError.alreadyExists(path: note.path) }
        try Notebook.checkReadsBack(note)
    }

    /// The last guard before bytes reach the disk: what hearth writes must be text hearth can read
    /// again, with the same front-matter values. A bug upstream then fails loudly instead of
    /// leaving an entry that every later command refuses.
    static func checkReadsBack(_ note: Note) throws(NotebookError) {
        let written = Array(note.text.utf8)
        do throws(Diagnostic) {
            let reread = try Note(parsing: TextDecoder.decode(written, path: note.path), path: note.path)
            let before = note.frontMatter?.entries.map { [$0.key, $0.value.jsonObject.serialized()] }
            let after = reread.frontMatter?.entries.map { [$0.key, $0.value.jsonObject.serialized()] }
            guard before == after else {
                throw Diagnostic(path: note.path, line: 0, message: "hearth produced front-matter that reads back differently",
                                 hint: "please report this as a bug")
            }
        } catch {
            throw NotebookError.unreadable(Diagnostic(path: error.path, line: error.line,
                                                      message: error.message + " (in the text hearth was about to write; nothing was written)",
                                                      hint: error.hint))
        }
    }

    /// Whether an entry exists at the relative path.
    public func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: absolutePath(relativePath))
    }

    /// The absolute path for a relative path, refusing anything that would leave the notebook
    /// (`..`, absolute paths elsewhere, symbolic links out of it).
    public func containedPath(_ relativePath: String) throws(NotebookError) -> String {
        let rootPath = root.path
        let joined = relativePath.hasPrefix("/") ? relativePath : rootPath + "/" + relativePath
        let candidate = URL(fileURLWithPath: joined).standardizedFileURL.path
        guard NotebookLayout.relative(candidate, below: rootPath) != nil else { throw NotebookError.outsideNotebook(path: relativePath) }
        // Resolve links in the existing part of the path: a link out of the notebook must not be followed.
        let resolvedRoot = URL(fileURLWithPath: rootPath).resolvingSymlinksInPath().path
        func inside(_ path: String) -> Bool { path.utf8.elementsEqual(resolvedRoot.utf8) || NotebookLayout.relative(path, below: resolvedRoot) != nil }
        var existing = URL(fileURLWithPath: candidate)
        while !FileSystem.existsWithoutFollowing(existing.path) && existing.path != "/" {
            existing.deleteLastPathComponent()
        }
        // A dangling link does not resolve; judge it by where it points.
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: existing.path) {
            let absolute = URL(fileURLWithPath: target, relativeTo: existing.deletingLastPathComponent()).standardizedFileURL
            guard inside(absolute.resolvingSymlinksInPath().path) else { throw NotebookError.outsideNotebook(path: relativePath) }
        }
        guard inside(existing.resolvingSymlinksInPath().path) else {
            throw NotebookError.outsideNotebook(path: relativePath)
        }
        return candidate
    }

    /// The notebook-relative form of a path the user typed (relative to `workingDirectory`).
    public func relativePath(ofUserPath path: String, workingDirectory: URL) throws(NotebookError) -> String {
        let absolute = URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL.path
        guard let relative = NotebookLayout.relative(absolute, below: root.path) else { throw NotebookError.outsideNotebook(path: path) }
        _ = try containedPath(relative)
        return relative
    }
}
