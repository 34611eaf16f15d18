import Foundation
import GitKit
import JournalKit
import NoteKit
import SyncKit

/// Where `hearth review --html` puts its page, and the care it takes: atomically (a temporary
/// file and a rename), replacing only a page hearth wrote, and never inside the notebook's work
/// tree where git would not ignore it, because `sync` commits every file there and would carry
/// a private review to every remote and into history for good.
enum ReviewPageFile {
    /// The default name, `review-2025-11-24-to-2026-11-22.html`.
    static func defaultName(for window: DateRange) -> String { "review-\(window.start)-to-\(window.end).html" }

    /// Writes `page` to `path` (absolute) and returns it; nothing changes when it refuses.
    static func write(_ page: String, to path: String, notebook: Notebook) throws -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw CommandFailure(message: "\(path) is a folder; name a file (hearth review --html FOLDER/review.html)")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue {
            throw CommandFailure(message: "the folder \(folder) does not exist; create it (mkdir -p '\(folder)') or name a FILE in another folder")
        }
        try refuseInsideWorkTree(path, notebook: notebook)
        var existing: [UInt8]?
        if FileManager.default.fileExists(atPath: path) {
            let bytes = try FileSystem.read(path)
            guard ReviewHTML.isPage(bytes) else {
                throw CommandFailure(message: "\(path) already exists and is not a review page hearth wrote; nothing was changed. "
                                     + "Name another file (hearth review --html FILE), move that one away, or print the page with --html -")
            }
            existing = bytes
        }
        try FileSystem.replace(path, with: Array(page.utf8), expecting: existing)
        return path
    }

    /// Refuses a path in the notebook that git does not ignore. In a notebook of plain files (no
    /// repository yet) only a default name is taken: `hearth init` later writes the pattern that
    /// ignores it, and any other name would go into the first commit.
    private static func refuseInsideWorkTree(_ path: String, notebook: Notebook) throws {
        let root = canonical(notebook.root.path)
        let folder = canonical((path as NSString).deletingLastPathComponent)
        guard folder.utf8.elementsEqual(root.utf8) || NotebookLayout.relative(folder, below: root) != nil else { return }
        let name = (path as NSString).lastPathComponent
        guard let relative = NotebookLayout.relative(folder + "/" + name, below: root) else { return }
        if let repository = try? Repository.open(at: URL(fileURLWithPath: root, isDirectory: true)) {
            if (try? repository.isIgnored(path: relative)) == true { return }
        } else if fnmatch(NotebookSetup.reviewPagePattern, name, 0) == 0 {
            return
        }
        throw CommandFailure(message: "\(relative) would be inside the notebook, and hearth sync commits every file there "
                             + "(a review page would reach every remote and stay in its history); nothing was written. "
                             + "Write it outside the notebook (hearth review --html ~/\((path as NSString).lastPathComponent)), "
                             + "print it with --html -, or add \(NotebookSetup.reviewPagePattern) to the notebook's .gitignore")
    }

    /// The folder with links resolved, so a notebook reached through a link is still recognised.
    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
