import Foundation

/// A query cache as read from disk, checked whole before anything in it is used: a file from
/// another format or hearth version, a truncated one, or one whose checksum does not match
/// is not loaded at all, so every entry is a miss and the scan writes a new one.
///
/// Layout (little-endian): the magic `HRTHFMC\n`, the format version (`u32`), the hearth
/// version (`u32` length + UTF-8), the checksum (`u64`) of everything after it, then the body:
/// the time the scan that wrote it began (`i64` nanoseconds, the file system's clock), the entry
/// count (`u32`), and per entry its path (`u32` length + UTF-8), its ``FileStamp`` (`i64` mtime,
/// `i64` ctime, `u64` size, inode, device, `u32` mode) and its ``FrontMatterCodec`` encoding
/// (`u32` length + bytes).
///
/// The file is mapped, not read: a hit touches only its own entry's pages, and nothing is copied.
/// Writers never change a cache file in place (they rename a new one over it), so the mapping
/// stays what was checked.
final class FrontMatterCacheFile: @unchecked Sendable {
    // @unchecked: the mapping is read-only and immutable from init to deinit.
    static let magic: [UInt8] = Array("HRTHFMC\n".utf8)
    /// Raise it with any change to this layout or to ``FrontMatterCodec``'s: builds of one
    /// hearth version would otherwise read each other's caches. 2: values read with explicit
    /// tags applied (`!!int "3"` is kept as the plain `3`), so a cache of 1 holds other values.
    /// 3: each entry's body tags. Raise it too when ``BodyTags`` finds other tags in the same
    /// body, or a cache keeps the old rules' tags until its entries change (the golden test in
    /// BodyTagsTests names this). 4: CRLF bodies split into lines (a build of 3 read one such
    /// body as a single line and counted tags inside its code fences). 5: each entry's fields as
    /// `list --json` writes them.
    static let formatVersion: UInt32 = 5

    /// One entry: where its path and encoding lie in the file, and the stamp recorded with them.
    struct Entry: Sendable {
        var path: Range<Int>
        var stamp: FileStamp
        var content: Range<Int>
    }

    /// The whole file, mapped.
    private let data: UnsafeRawBufferPointer
    /// When the scan that wrote it began: only files whose times are older than this are
    /// trusted on their stamp alone (git's racy rule).
    private(set) var startedAt: Int64 = 0
    private(set) var entries: [Entry] = []

    private init(data: UnsafeRawBufferPointer) {
        self.data = data
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: data.baseAddress!), data.count)
    }

    /// Maps and checks the cache at `path`; nil when it is missing, damaged, or another
    /// version's.
    static func load(_ path: String, version: String) -> FrontMatterCacheFile? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0,
              let base = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, descriptor, 0),
              base != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        let file = FrontMatterCacheFile(data: UnsafeRawBufferPointer(start: base, count: Int(info.st_size)))
        return file.parse(version: version) ? file : nil
    }

    /// Calls `body` with the file's bytes.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(data)
    }

    /// Checks the header and the checksum, and lists the entries.
    private func parse(version: String) -> Bool {
        var reader = CacheByteReader(data)
        guard reader.header(magic: Self.magic, formatVersion: Self.formatVersion, version: version),
              let startedAt = reader.integer(Int64.self),
              let count = reader.integer(UInt32.self), Int(count) <= data.count else { return false }
        var entries: [Entry] = []
        entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let path = reader.stringRange(),
                  let mtime = reader.integer(Int64.self), let ctime = reader.integer(Int64.self),
                  let size = reader.integer(UInt64.self), let inode = reader.integer(UInt64.self),
                  let device = reader.integer(UInt64.self), let mode = reader.integer(UInt32.self),
                  let contentLength = reader.integer(UInt32.self), let content = reader.skip(Int(contentLength)) else { return false }
            entries.append(Entry(path: path, stamp: FileStamp(mtime: mtime, ctime: ctime, size: size, inode: inode, device: device, mode: mode),
                                 content: content))
        }
        guard reader.offset == data.count else { return false }
        self.startedAt = startedAt
        self.entries = entries
        return true
    }

    /// For each of `paths`, the index of its entry, if it has one. Scans list paths in the same
    /// order each time, so entries are matched position by position and a dictionary is built
    /// only when the list changed.
    func match(_ paths: [String]) -> [Int?] {
        do {
            var matches = [Int?](repeating: nil, count: paths.count)
            var mismatched = false
            for (index, path) in paths.enumerated() {
                guard index < entries.count, Self.equal(path, data, entries[index].path) else { mismatched = true; continue }
                matches[index] = index
            }
            guard mismatched else { return matches }
            var byPath: [String: Int] = [:]
            byPath.reserveCapacity(entries.count)
            for (index, entry) in entries.enumerated() {
                byPath[String(decoding: UnsafeRawBufferPointer(rebasing: data[entry.path]), as: UTF8.self)] = index
            }
            for (index, path) in paths.enumerated() where matches[index] == nil { matches[index] = byPath[path] }
            return matches
        }
    }

    private static func equal(_ path: String, _ data: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        var path = path
        return path.withUTF8 { utf8 in
            utf8.count == range.count && (utf8.isEmpty || memcmp(utf8.baseAddress!, data.baseAddress! + range.lowerBound, range.count) == 0)
        }
    }

    /// Writes the file's bytes for `records` (each an encoding, or an entry of `previous` to
    /// copy unchanged).
    static func serialize(_ records: [(path: String, record: FrontMatterCacheRecord)], previous: FrontMatterCacheFile?,
                          startedAt: Int64, version: String) -> [UInt8] {
        var body = CacheByteWriter(capacity: (previous?.data.count ?? 0) + 64)
        body.integer(startedAt)
        body.integer(UInt32(records.count))
        for (path, record) in records {
            body.string(path)
            body.integer(record.stamp.mtime)
            body.integer(record.stamp.ctime)
            body.integer(record.stamp.size)
            body.integer(record.stamp.inode)
            body.integer(record.stamp.device)
            body.integer(record.stamp.mode)
            switch record.content {
            case .encoded(let bytes):
                body.integer(UInt32(bytes.count))
                bytes.withUnsafeBytes { body.raw($0) }
            case .previous(let index):
                let range = previous!.entries[index].content
                body.integer(UInt32(range.count))
                body.raw(UnsafeRawBufferPointer(rebasing: previous!.data[range]))
            }
        }
        return CacheByteWriter.file(magic: magic, formatVersion: formatVersion, version: version, body: body.bytes)
    }
}
