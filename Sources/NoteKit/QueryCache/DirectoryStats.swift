import Foundation

/// Stamps of many files in a few folders, each taken relative to its folder's descriptor: the
/// kernel then walks one name per file instead of the whole path, which is most of what a
/// `stat` of a short file name costs.
final class DirectoryStats: Sendable {
    private let root: String
    /// An open descriptor per folder that holds entries ("" is the root).
    private let folders: [Substring: Int32]

    init(root: String, paths: [String]) {
        self.root = root
        var folders: [Substring: Int32] = [:]
        var last: Substring?
        for path in paths {
            let folder = DirectoryStats.folder(of: path)
            // Paths come sorted: a folder's entries are together.
            guard folder != last, folders[folder] == nil else { continue }
            last = folder
            let absolute = folder.isEmpty ? root : root + "/" + folder
            let descriptor = open(absolute, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor >= 0 { folders[folder] = descriptor }
        }
        self.folders = folders
    }

    deinit {
        for descriptor in folders.values { close(descriptor) }
    }

    /// The stamp of the file at the notebook-relative `path`, nil when there is none.
    func stamp(_ path: String) -> FileStamp? {
        let folder = DirectoryStats.folder(of: path)
        guard let descriptor = folders[folder] else { return FileStamp.of(root + "/" + path) }
        let name = folder.isEmpty ? Substring(path) : path[path.utf8.index(folder.endIndex, offsetBy: 1)...]
        var info = stat()
        let found = name.withCString { fstatat(descriptor, $0, &info, 0) } == 0
        return found ? FileStamp(info) : nil
    }

    private static func folder(of path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return path[..<slash]
    }
}
