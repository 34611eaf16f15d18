internal import Clibgit2
import Foundation

/// A cruft pack's `.mtimes` file, in git's format (git 2.37 and later read it; libgit2 1.5
/// ignores it and reads the pack as any other): "MTME", version 1, hash 1 (SHA-1), then one
/// 4-byte big-endian time per object in the index's order (sorted by object name), then the
/// pack's own checksum and a SHA-1 of everything before it.
///
/// A cruft pack holds unreachable objects still in their grace period; the file keeps each
/// object's own time, so that a full repack drops each one when its own grace runs out, and
/// `git gc --cruft` (or `git repack --cruft`) run by hand reads the same times.
enum PackMtimes {
    /// `ids` in a pack index's order: sorted by their bytes, which is the order of their hex names.
    static func indexOrder(_ ids: some Sequence<ObjectID>) -> [ObjectID] {
        ids.map { ($0.description, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The file's bytes for a pack whose sorted objects have `times`, and whose `.pack` ends with
    /// the checksum `packChecksum`.
    static func encode(times: [UInt32], packChecksum: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = Array("MTME".utf8)
        for number in [UInt32(1), UInt32(1)] + times {
            bytes += [UInt8(number >> 24), UInt8(truncatingIfNeeded: number >> 16), UInt8(truncatingIfNeeded: number >> 8),
                      UInt8(truncatingIfNeeded: number)]
        }
        bytes += packChecksum
        return bytes + SHA1.digest(bytes)
    }

    /// The times of the pack's `count` objects, in index order, from the `.mtimes` file at
    /// `path`; nil when the file is missing, of another version or size, or damaged (then the
    /// caller treats the objects as being as young as the pack file, which only delays expiry).
    static func read(_ path: String, count: Int) -> [UInt32]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        guard bytes.count == 12 + 4 * count + 40, bytes.starts(with: Array("MTME".utf8)),
              PackFile.bigEndian(bytes, at: 4) == 1, PackFile.bigEndian(bytes, at: 8) == 1,
              SHA1.digest(Array(bytes[..<(bytes.count - 20)])) == Array(bytes[(bytes.count - 20)...]) else { return nil }
        return (0..<count).map { PackFile.bigEndian(bytes, at: 12 + 4 * $0) }
    }

    /// Writes the `.mtimes` file of the pack `name` in `folder` (objects `sorted` by name, each
    /// with its time in `times`), fsync'd, and sets the `.pack` file's time to the newest of them:
    /// a git that ignores `.mtimes` then gives every object in it at least its own time (never
    /// less grace), and a full repack counts the pack's time only when it is later than every
    /// recorded time: something touched it since (git and libgit2 freshen an object by touching
    /// its pack), which makes every object in it young again, which is safe.
    static func store(pack name: String, in folder: String, sorted: [ObjectID], times: [ObjectID: Int64]) throws(GitError) {
        let packPath = folder + "/" + name + ".pack"
        let operation = "write the times of the cruft pack \(name)"
        guard let handle = FileHandle(forReadingAtPath: packPath), let size = try? handle.seekToEnd(), size >= 20,
              (try? handle.seek(toOffset: size - 20)) != nil, let checksum = try? handle.read(upToCount: 20), checksum.count == 20 else {
            throw PackFile.osError(operation, path: packPath)
        }
        try? handle.close()
        let stamps = sorted.map { UInt32(clamping: times[$0] ?? 0) }
        let bytes = encode(times: stamps, packChecksum: [UInt8](checksum))
        let path = folder + "/" + name + ".mtimes"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o444)
        guard descriptor >= 0 else { throw PackFile.osError(operation, path: path) }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw written >= 0 && written < bytes.count
                ? GitError(code: .generic, errorClass: Int32(GIT_ERROR_OS.rawValue), message: "short write (disk full?)",
                           operation: operation, path: path)
                : PackFile.osError(operation, path: path)
        }
        let newest = stamps.max().map { time_t($0) } ?? time(nil)
        var stamp = [timespec(tv_sec: newest, tv_nsec: 0), timespec(tv_sec: newest, tv_nsec: 0)]
        guard utimensat(AT_FDCWD, packPath, &stamp, 0) == 0 else { throw PackFile.osError(operation, path: packPath) }
    }
}
