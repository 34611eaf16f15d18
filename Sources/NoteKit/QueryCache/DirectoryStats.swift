import Foundation

/// Stamps of files taken relative to their folder's descriptor: the kernel then walks one name
/// per file instead of the whole path, which is most of what a `stat` of a short file name costs.
///
/// One cursor serves one run of sorted paths (a range of a scan, on one thread: it is not
/// `Sendable`), in which a folder's entries come together: it holds the descriptor of the
/// folder it is in and moves to the next folder when a path leaves it. A scan on N threads thus holds N folder descriptors at once,
/// whatever the number of folders (a notebook of 300 folders under macOS's limit of 256 open
/// files must not lose entries), and every entry, in any folder, costs one `fstatat`.
final class DirectoryStats {
    private let root: String
    /// The folder ``descriptor`` is open on (notebook-relative, no trailing slash), and the
    /// descriptor (-1: none open, or the folder could not be opened).
    private var folder: [UInt8] = []
    private var descriptor: Int32 = -1
    private var opened = false

    /// A cursor for paths under the notebook folder `root`.
    init(root: String) {
        self.root = root
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The stamp of the file at the notebook-relative `path`, nil when there is none.
    func stamp(_ path: String) -> FileStamp? {
        var path = path
        return path.withUTF8 { utf8 -> FileStamp? in
            guard let base = utf8.baseAddress else { return nil }
            var slash = utf8.count
            while slash > 0 && base[slash - 1] != UInt8(ascii: "/") { slash -= 1 }
            let folderLength = max(slash - 1, 0)
            if !opened || folder.count != folderLength
                || folderLength > 0 && !folder.withUnsafeBufferPointer({ memcmp($0.baseAddress!, base, folderLength) == 0 }) {
                enter(UnsafeBufferPointer(rebasing: utf8[0..<folderLength]))
            }
            guard descriptor >= 0 else { return FileStamp.of(root + "/" + String(decoding: utf8, as: UTF8.self)) }
            // The name, NUL-terminated (a native string's UTF-8 is not promised to be).
            return withUnsafeTemporaryAllocation(of: CChar.self, capacity: utf8.count - slash + 1) { name in
                let count = utf8.count - slash
                UnsafeMutableRawPointer(name.baseAddress!).copyMemory(from: base + slash, byteCount: count)
                name[count] = 0
                var info = stat()
                guard fstatat(descriptor, name.baseAddress!, &info, 0) == 0 else { return nil }
                return FileStamp(info)
            }
        }
    }

    /// Opens the descriptor of `folder` (closing the previous one); a folder that cannot be
    /// opened leaves its entries stamped by their whole paths.
    private func enter(_ relative: UnsafeBufferPointer<UInt8>) {
        if descriptor >= 0 { close(descriptor) }
        folder = Array(relative)
        opened = true
        let path = relative.isEmpty ? root : root + "/" + String(decoding: relative, as: UTF8.self)
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }
}
