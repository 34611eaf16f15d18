import Foundation

/// The notebook's entry paths as a listing found them, kept next to the query cache
/// (`entries.listing`) so that a warm query reads no folder while none changed, as git's
/// untracked cache does for `git status`.
///
/// It is never wrong, by the rule the query cache keeps for files: the listing is used only when
/// every folder it read still has the stamp recorded (modification and change times to the
/// nanosecond, inode, device, mode, size: adding, removing or renaming an entry changes its
/// folder's times; a new folder changes its parent's), and each of those stamps is older than
/// the moment the scan that recorded them began (a folder changed in that clock tick may have
/// changed again without its stamp showing it, and is listed again). A listing that depended on
/// more than names (a symbolic link, whose target may change while its folder does not, an
/// unreadable folder) is not kept, nor one of a folder on a file system whose folder times are not
/// known to show every change of names (``FileSystemKind/keepsFolderTimes``: a network share,
/// FUSE, vfat); the kind of the notebook's file system is recorded, and a listing is used only
/// while the notebook is on that kind still. The file carries magic, format, hearth's version and
/// a checksum like the query cache, and is replaced by renaming a whole file.
///
/// Layout (little-endian) after the header: the time the scan began (`i64`), the file system's
/// kind (``FileSystemKind/name``: `u32` length + UTF-8), the folder count
/// (`u32`), per folder its path (`u32` length + UTF-8) and ``FileStamp`` (`i64` mtime, `i64`
/// ctime, `u64` size, inode, device, `u32` mode), the path count (`u32`), each path.
enum EntryListing {
    static let fileName = "entries.listing"
    static let magic: [UInt8] = Array("HRTHLST\n".utf8)
    /// Raise it with any change to this layout or to what a listing keeps.
    static let formatVersion: UInt32 = 2

    /// The paths ``FileSystem/markdownFiles(under:)`` would list under `root`, from the listing
    /// in `folder` when it still holds, else listed afresh; a fresh listing is recorded when
    /// `startedAt` (the creation time of the scan's draft, taken before listing) is given.
    static func paths(root: String, folder: String, version: String, startedAt: Int64?) -> [String] {
        let file = folder + "/" + fileName
        if let paths = load(file, root: root, version: version) { return paths }
        let listing = FileSystem.markdownListing(under: root)
        if let startedAt, listing.namesOnly, let kind = trustedKind(root: root, folders: listing.folders),
           let draft = FrontMatterCacheDraft.begin(folder: folder, name: fileName) {
            draft.commit(serialize(listing.folders, paths: listing.paths, startedAt: startedAt, kind: kind, version: version), to: file)
        } else {
            // A listing that cannot be kept leaves none behind.
            unlink(file)
        }
        return listing.paths
    }

    /// The kind of file system `root` is on, when it and that of every folder listed (one look
    /// per device: a folder can be a mount point) keep folder times a listing can trust; nil
    /// otherwise.
    static func trustedKind(root: String, folders: [(path: String, stamp: FileStamp)]) -> FileSystemKind? {
        guard let kind = FileSystemKind.of(root), kind.keepsFolderTimes else { return nil }
        var devices: Set<UInt64> = []
        for (path, stamp) in folders where path.isEmpty { devices.insert(stamp.device) }
        for (path, stamp) in folders where devices.insert(stamp.device).inserted {
            guard FileSystemKind.of(path.isEmpty ? root : root + "/" + path)?.keepsFolderTimes == true else { return nil }
        }
        return kind
    }

    /// The recorded paths, nil when the file is missing, damaged, another version's, recorded
    /// on another kind of file system or one whose folder times are not trusted, or any folder
    /// it read has changed or was recorded in the tick of its scan.
    static func load(_ file: String, root: String, version: String) -> [String]? {
        guard let bytes = try? FileSystem.read(file) else { return nil }
        return bytes.withUnsafeBytes { data -> [String]? in
            var reader = CacheByteReader(data)
            guard reader.header(magic: magic, formatVersion: formatVersion, version: version),
                  let startedAt = reader.integer(Int64.self), let kind = reader.string().map(FileSystemKind.init(name:)),
                  kind.keepsFolderTimes, FileSystemKind.of(root) == kind,
                  let folderCount = reader.integer(UInt32.self), Int(folderCount) <= data.count else { return nil }
            for _ in 0..<folderCount {
                guard let path = reader.string(), let stamp = readStamp(&reader), stamp.isSettled(before: startedAt),
                      FileStamp.of(path.isEmpty ? root : root + "/" + path) == stamp else { return nil }
            }
            guard let pathCount = reader.integer(UInt32.self), Int(pathCount) <= data.count else { return nil }
            var paths: [String] = []
            paths.reserveCapacity(Int(pathCount))
            for _ in 0..<pathCount {
                guard let path = reader.string() else { return nil }
                paths.append(path)
            }
            return reader.offset == data.count ? paths : nil
        }
    }

    private static func readStamp(_ reader: inout CacheByteReader) -> FileStamp? {
        guard let mtime = reader.integer(Int64.self), let ctime = reader.integer(Int64.self),
              let size = reader.integer(UInt64.self), let inode = reader.integer(UInt64.self),
              let device = reader.integer(UInt64.self), let mode = reader.integer(UInt32.self) else { return nil }
        return FileStamp(mtime: mtime, ctime: ctime, size: size, inode: inode, device: device, mode: mode)
    }

    /// The file's bytes for a listing.
    static func serialize(_ folders: [(path: String, stamp: FileStamp)], paths: [String], startedAt: Int64, kind: FileSystemKind,
                          version: String) -> [UInt8] {
        var body = CacheByteWriter(capacity: paths.count * 32 + folders.count * 64 + 32)
        body.integer(startedAt)
        body.string(kind.name)
        body.integer(UInt32(folders.count))
        for (path, stamp) in folders {
            body.string(path)
            body.integer(stamp.mtime)
            body.integer(stamp.ctime)
            body.integer(stamp.size)
            body.integer(stamp.inode)
            body.integer(stamp.device)
            body.integer(stamp.mode)
        }
        body.integer(UInt32(paths.count))
        for path in paths { body.string(path) }
        return CacheByteWriter.file(magic: magic, formatVersion: formatVersion, version: version, body: body.bytes)
    }
}
