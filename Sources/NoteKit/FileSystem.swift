import Foundation

/// The few file operations entries need, done with POSIX calls because listing reads thousands of
/// small files and Foundation's per-file overhead dominates at that size.
public enum FileSystem {
    /// The bytes of a file.
    public static func read(_ path: String) throws(NotebookError) -> [UInt8] {
        try readStamped(path).bytes
    }

    /// The bytes of a file and its stamp, taken before reading: a change made while it is read
    /// shows in a later stamp.
    package static func readStamped(_ path: String) throws(NotebookError) -> (bytes: [UInt8], stamp: FileStamp) {
        // O_NONBLOCK: opening a FIFO someone named `x.md` must not hang; it is refused below.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw NotebookError.io(path: path, operation: "read", reason: errnoText()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw NotebookError.io(path: path, operation: "read", reason: errnoText()) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw NotebookError.io(path: path, operation: "read", reason: "it is a directory, not a file")
        default: throw NotebookError.io(path: path, operation: "read", reason: "it is not a regular file")
        }
        // One read usually suffices (st_size + 1 shows EOF); the loop covers files that grow.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let count = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw NotebookError.io(path: path, operation: "read", reason: errnoText())
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return (bytes, FileStamp(info))
    }

    /// Replaces `path` with `bytes` atomically: a temporary file in the same folder, fsync, a check
    /// that the file still holds `expected` (the bytes the edit started from), then rename, guarded
    /// so that an in-place save landing between that check and the rename is kept, not lost. A new
    /// file (`expected` nil) is published with link(), which never replaces a file that appeared
    /// meanwhile.
    ///
    /// - Parameters:
    ///   - path: the file's absolute path.
    ///   - bytes: the new content.
    ///   - expected: the current content the caller read, or nil when the file must not exist.
    ///   - syncFolder: whether to fsync the folder so the rename itself is durable; a caller
    ///     writing many files passes false and syncs each folder once at the end (``syncFolder(of:)``).
    /// - Returns: the new file's `stat` as it was written, before the rename (callers that record
    ///   stat data, like git's index, compare it with the file afterwards to know it is theirs).
    @discardableResult
    public static func replace(_ path: String, with bytes: [UInt8], expecting expected: [UInt8]?, syncFolder: Bool = true) throws(NotebookError) -> stat {
        var linkInfo = stat()
        let exists = lstat(path, &linkInfo) == 0
        if exists && (linkInfo.st_mode & S_IFMT) == S_IFLNK {
            throw NotebookError.io(path: path, operation: "write", reason: "it is a symbolic link; hearth never writes through links")
        }
        if exists && expected == nil { throw NotebookError.alreadyExists(path: path) }
        if exists && (access(path, W_OK) != 0 || linkInfo.st_mode & S_IWUSR == 0) {
            // rename() would replace a read-only file anyway; its owner made it read-only on
            // purpose (the mode bit counts even for root, who passes every access() check).
            throw NotebookError.io(path: path, operation: "write", reason: "it is read-only; make it writable (chmod u+w) to edit it with hearth")
        }
        let (temporary, written) = try writeTemporary(bytes, near: path, mode: exists ? linkInfo.st_mode & 0o7777 : 0o644)
        do throws(NotebookError) {
            try publish(temporary, written: written, wrote: bytes, at: path, expecting: expected)
        } catch {
            // Only hearth's own file: after a swap, `temporary` may name a save of the user's
            // that could not be copied into sight.
            var left = stat()
            if lstat(temporary, &left) == 0, left.st_ino == written.st_ino, left.st_dev == written.st_dev { unlink(temporary) }
            throw error
        }
        // The rename is durable only once the folder is synced too.
        if syncFolder { self.syncFolder(of: path) }
        return written
    }

    /// Flushes the folder holding `path` to disk, making renames and links in it durable.
    public static func syncFolder(of path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let dirFD = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 { _ = fsync(dirFD); close(dirFD) }
    }

    /// Writes `bytes` to a new hidden file beside `path` and syncs it; returns the file's path and stat.
    private static func writeTemporary(_ bytes: [UInt8], near path: String, mode: mode_t) throws(NotebookError) -> (String, stat) {
        let temporary = temporaryName(near: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw NotebookError.io(path: path, operation: "write", reason: errnoText()) }
        var failure: NotebookError?
        var written = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = .io(path: path, operation: "write", reason: errnoText())
                    return
                }
                written += count
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = .io(path: path, operation: "write", reason: errnoText()) }
        var info = stat()
        if failure == nil && fstat(fd, &info) != 0 { failure = .io(path: path, operation: "write", reason: errnoText()) }
        close(fd)
        if let failure {
            unlink(temporary)
            throw failure
        }
        return (temporary, info)
    }

    /// A new hidden name beside `path`, `.x.md.hearth-<pid>-<random>.tmp`: the `.gitignore`
    /// pattern `.*.hearth-*.tmp` that `hearth init` writes covers it, listings skip it (a dot
    /// name), and git never sees it.
    static func temporaryName(near path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return (directory.isEmpty ? "." : directory) + "/.\(name).hearth-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    /// Moves the finished temporary file into place, unless `path` no longer holds `expected`.
    private static func publish(_ temporary: String, written: stat, wrote: [UInt8], at path: String, expecting expected: [UInt8]?) throws(NotebookError) {
        if let expected {
            try publishGuarded(temporary, at: path, written: written, wrote: wrote, expecting: expected)
            return
        }
        // link() fails with EEXIST if anything appeared at `path` meanwhile, so a file an editor
        // just created is never replaced.
        if link(temporary, path) == 0 {
            unlink(temporary)
            return
        }
        switch errno {
        case EEXIST:
            throw NotebookError.alreadyExists(path: path)
        case EPERM, EOPNOTSUPP:
            // A file system without hard links (FAT, some FUSE): the best it allows.
            if access(path, F_OK) == 0 { throw NotebookError.alreadyExists(path: path) }
            if rename(temporary, path) != 0 { throw NotebookError.io(path: path, operation: "write", reason: errnoText()) }
        default:
            throw NotebookError.io(path: path, operation: "write", reason: errnoText())
        }
    }

    /// Creates `path`'s parent folders.
    public static func createParents(of path: String) throws(NotebookError) {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw NotebookError.io(path: directory, operation: "create folder", reason: error.localizedDescription)
        }
    }

    /// Relative paths of the `.md` files under `root`, sorted, skipping hidden folders (`.git`,
    /// `.hearth`, `.obsidian`) and never following symbolic links to folders.
    public static func markdownFiles(under root: String) -> [String] {
        markdownListing(under: root).paths
    }

    /// ``markdownFiles(under:)`` with the stamp of every folder it listed (notebook-relative,
    /// the root as ""), and whether the paths follow from those folders' names alone: not when a
    /// folder could not be read, or held a symbolic link or an entry of unknown type (whether
    /// those are kept depends on what they lead to, which can change while the folder does not).
    static func markdownListing(under root: String) -> (paths: [String], folders: [(path: String, stamp: FileStamp)], namesOnly: Bool) {
        var result: [String] = []
        var folders: [(path: String, stamp: FileStamp)] = []
        var namesOnly = true
        var stack: [String] = [""]
        let resolvedRoot = realPath(root) ?? root
        while let relative = stack.popLast() {
            let absolute = relative.isEmpty ? root : root + "/" + relative
            guard let dir = opendir(absolute) else {
                namesOnly = false
                continue
            }
            defer { closedir(dir) }
            // Taken before the names are read: a change while they are is then a change of stamp.
            if let stamp = FileStamp.of(descriptor: dirfd(dir)) {
                folders.append((relative, stamp))
            } else {
                namesOnly = false
            }
            var prefix = relative.isEmpty ? "" : relative + "/"
            while let entry = readdir(dir) {
                var type = entry.pointee.d_type
                // Names are looked at as bytes, and a path made only for what is kept: every
                // warm listing lists every entry.
                guard let (child, isMarkdown) = withUnsafePointer(to: entry.pointee.d_name, {
                    $0.withMemoryRebound(to: UInt8.self, capacity: 256) { childPath(prefix: &prefix, name: $0, type: type) }
                }) else { continue }
                if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                    namesOnly = false
                    var info = stat()
                    guard stat(root + "/" + child, &info) == 0 else { continue }
                    let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
                    if type == UInt8(DT_LNK) {
                        // Links to folders are never followed; links to files only when they stay inside.
                        if isDirectory { continue }
                        guard let target = realPath(root + "/" + child),
                              NotebookLayout.relative(target, below: resolvedRoot) != nil else { continue }
                    }
                    type = isDirectory ? UInt8(DT_DIR) : UInt8(DT_REG)
                }
                if type == UInt8(DT_DIR) {
                    stack.append(child)
                } else if type == UInt8(DT_REG) && isMarkdown {
                    result.append(child)
                }
            }
        }
        return (result.sorted(), folders, namesOnly)
    }

    /// `prefix` followed by the NUL-terminated `name`, and whether the name ends in `.md`; nil
    /// for a hidden name (`.git`, `.obsidian`) or a file of `type` that is plainly not Markdown.
    ///
    /// The rule is ``NotebookLayout/isEntryPath(_:)``'s, which sync, history and merge apply: each
    /// name judged alone by ``NotebookLayout/isHiddenName(_:)`` and ``NotebookLayout/isMarkdownName(_:)``,
    /// which compare Characters, so `.` followed by a combining mark does not hide a name, and a
    /// "prepend" mark such as U+0600 joins the `.` of `.md` into another Character. A name of
    /// ASCII bytes, nearly every one, gives the same answer byte by byte without making a String.
    private static func childPath(prefix: inout String, name: UnsafePointer<UInt8>, type: UInt8) -> (path: String, isMarkdown: Bool)? {
        let length = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
        guard length > 0 else { return nil }
        let bytes = UnsafeBufferPointer(start: name, count: length)
        let isMarkdown: Bool
        if bytes.allSatisfy({ $0 < 0x80 }) {
            guard name[0] != UInt8(ascii: ".") else { return nil }
            isMarkdown = length > 3 && name[length - 3] == UInt8(ascii: ".") && name[length - 2] == UInt8(ascii: "m")
                && name[length - 1] == UInt8(ascii: "d")
        } else {
            let text = String(decoding: bytes, as: UTF8.self)
            guard !NotebookLayout.isHiddenName(text) else { return nil }
            isMarkdown = NotebookLayout.isMarkdownName(text)
        }
        if type == UInt8(DT_REG) && !isMarkdown { return nil }
        let path = prefix.withUTF8 { head in
            String(unsafeUninitializedCapacity: head.count + length) { buffer in
                _ = buffer.initialize(from: head)
                UnsafeMutableRawPointer(buffer.baseAddress! + head.count).copyMemory(from: name, byteCount: length)
                return head.count + length
            }
        }
        return (path, isMarkdown)
    }

    /// The path with every symbolic link resolved, nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether anything (a dangling symbolic link included) is at `path`.
    static func existsWithoutFollowing(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// read(2): at file scope `read` is the C library's, not ``FileSystem/read(_:)``.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
