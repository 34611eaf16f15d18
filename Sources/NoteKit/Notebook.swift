import Dispatch
import Foundation

/// A folder of Markdown entries: a hearth notebook, or any folder of `.md` files such as an
/// Obsidian vault. Kinds come from `kind:` or the folder, never from a hidden database.
public struct Notebook: Sendable {
    /// The notebook's root folder (absolute, standardized).
    public let root: URL

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

    /// Reads and parses one entry.
    public func load(_ relativePath: String) throws(NotebookError) -> Note {
        try loadWithBytes(relativePath).note
    }

    /// Reads one entry and keeps the bytes it was parsed from, for a later ``update(_:_:)``-style write.
    func loadWithBytes(_ relativePath: String) throws(NotebookError) -> (note: Note, bytes: [UInt8]) {
        let bytes = try FileSystem.read(absolutePath(relativePath))
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
                let note = try load(path)
                return query.matches(note) ? .success(note) : nil
            } catch {
                switch error {
                case .unreadable(let diagnostic): return .failure(diagnostic)
                default: return .failure(Diagnostic(path: path, line: 0, message: error.description))
                }
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

    /// Edits one entry in place: reads it, applies `change`, and writes the result atomically only
    /// if the text changed and the file still holds the bytes that were read.
    ///
    /// A file that cannot be parsed is never rewritten: the parse error is thrown instead.
    @discardableResult
    public func update(_ relativePath: String, _ change: (inout Note) throws -> Void) throws -> Note {
        let (original, bytes) = try loadWithBytes(relativePath)
        var note = original
        try change(&note)
        guard note.text != original.text else { return note }
        try FileSystem.replace(absolutePath(relativePath), with: Array(note.text.utf8), expecting: bytes)
        return note
    }

    /// Writes a new entry; fails when a file is already at its path.
    public func create(_ note: Note) throws(NotebookError) {
        let path = try containedPath(note.path)
        try FileSystem.createParents(of: path)
        try FileSystem.replace(path, with: Array(note.text.utf8), expecting: nil)
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
        guard candidate.hasPrefix(rootPath + "/") else { throw NotebookError.outsideNotebook(path: relativePath) }
        // Resolve links in the existing part of the path: a link out of the notebook must not be followed.
        let resolvedRoot = URL(fileURLWithPath: rootPath).resolvingSymlinksInPath().path
        func inside(_ path: String) -> Bool { path == resolvedRoot || path.hasPrefix(resolvedRoot + "/") }
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
        guard absolute.hasPrefix(root.path + "/") else { throw NotebookError.outsideNotebook(path: path) }
        let relative = String(absolute.dropFirst(root.path.count + 1))
        _ = try containedPath(relative)
        return relative
    }
}
