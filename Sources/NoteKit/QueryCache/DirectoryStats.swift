import Foundation

/// Stamps of many files in a few folders, each taken relative to its folder's descriptor: the
/// kernel then walks one name per file instead of the whole path, which is most of what a
/// `stat` of a short file name costs.
final class DirectoryStats: Sendable {
    private let root: String
    private let paths: [String]
    /// Per path, the descriptor of its folder (-1: none could be opened) and where its name
    /// starts in its UTF-8: worked out once, so a stamp costs one `fstatat` and no allocation.
    private let folders: [Int32]
    private let nameStarts: [Int]
    private let descriptors: [Int32]

    /// Ready to take the stamps of `paths` (notebook-relative, sorted, so that a folder's entries
    /// are together).
    init(root: String, paths: [String]) {
        self.root = root
        self.paths = paths
        var folders: [Int32] = []
        var nameStarts: [Int] = []
        var descriptors: [Int32] = []
        folders.reserveCapacity(paths.count)
        nameStarts.reserveCapacity(paths.count)
        // At most `openFolders` descriptors, for the folders holding the most entries (a journal's
        // year folders): a notebook of a thousand folders would otherwise hold a thousand open at
        // once, and the reads that follow fail with "too many open files" (the limit is 1,024 on
        // Linux, 256 on macOS). An entry of any other folder is stamped by its whole path.
        // The paths are sorted, so a folder's entries come as one run: counted per run, not hashed
        // per path (this is on every warm listing's path).
        var counts: [Substring: Int] = [:]
        var run: (folder: Substring, count: Int)?
        for path in paths {
            let folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[..<$0] } ?? ""
            if let current = run, current.folder == folder {
                run = (folder, current.count + 1)
                continue
            }
            if let current = run { counts[current.folder, default: 0] += current.count }
            run = (folder, 1)
        }
        if let current = run { counts[current.folder, default: 0] += current.count }
        let kept = Set(counts.sorted { $0.value > $1.value || $0.value == $1.value && $0.key < $1.key }
            .prefix(Self.openFolders).map(\.key))
        var opened: [Substring: Int32] = [:]
        var last: (folder: Substring, descriptor: Int32)?
        for path in paths {
            let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            let folder = slash.map { path[..<$0] } ?? ""
            nameStarts.append(slash.map { path.utf8.distance(from: path.utf8.startIndex, to: $0) + 1 } ?? 0)
            if let last, last.folder == folder {
                folders.append(last.descriptor)
                continue
            }
            let descriptor: Int32
            if let known = opened[folder] {
                descriptor = known
            } else if kept.contains(folder) {
                descriptor = open(folder.isEmpty ? root : root + "/" + folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                opened[folder] = descriptor
                if descriptor >= 0 { descriptors.append(descriptor) }
            } else {
                descriptor = -1
            }
            last = (folder, descriptor)
            folders.append(descriptor)
        }
        self.folders = folders
        self.nameStarts = nameStarts
        self.descriptors = descriptors
    }

    /// The most folder descriptors held open at once.
    static let openFolders = 64

    deinit {
        for descriptor in descriptors { close(descriptor) }
    }

    /// The stamp of the file at `paths[index]`, nil when there is none.
    func stamp(_ index: Int) -> FileStamp? {
        let descriptor = folders[index]
        guard descriptor >= 0 else { return FileStamp.of(root + "/" + paths[index]) }
        var info = stat()
        let start = nameStarts[index]
        let found = paths[index].withCString { fstatat(descriptor, $0 + start, &info, 0) } == 0
        return found ? FileStamp(info) : nil
    }
}
