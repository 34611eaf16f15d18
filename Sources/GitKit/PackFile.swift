internal import Clibgit2
import Foundation

/// One pack in a repository's `objects/pack` folder, as a repack sees it: a `.pack` with its
/// `.idx` (a pack without its index is not usable, or still being written, and is left alone).
struct PackFile: Equatable {
    /// `pack-<sha1>`: the file name without its extension.
    var name: String
    /// The folder holding the pack's files.
    var folder: String
    /// Whether the pack must never be removed: a `.keep` file marks a pack that a fetch or push
    /// is still writing references for (or that the user pinned), a `.promisor` file a partial
    /// clone's pack, whose meaning would go with it.
    var isKept: Bool
    /// The size of the `.pack` and `.idx` files.
    var bytes: Int64
    /// Whether a `.mtimes` file beside it makes it a cruft pack (git's format): unreachable
    /// objects kept for their grace period, each with its own time.
    var isCruft = false
    /// The `.pack` file's modification time, in seconds since 1970: when its objects were last
    /// written or freshened (git and libgit2 touch a pack when they write an object it holds).
    var modified: Int64 = 0

    /// The path of the file with extension `suffix` (".idx", ".pack", ...).
    func path(_ suffix: String) -> String { folder + "/" + name + suffix }

    /// The usable packs in `folder`, sorted by name; none when the folder does not exist.
    static func list(in folder: String) throws(GitError) -> [PackFile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            if !FileManager.default.fileExists(atPath: folder) { return [] }
            throw GitError(code: .generic, errorClass: Int32(GIT_ERROR_OS.rawValue),
                           message: "cannot list the folder: \(error.localizedDescription)", operation: "list the packs", path: folder)
        }
        let present = Set(names)
        return names.filter { $0.hasPrefix("pack-") && $0.hasSuffix(".pack") }.sorted().compactMap { file in
            let name = String(file.dropLast(".pack".count))
            guard present.contains(name + ".idx") else { return nil }
            // lstat(2), not FileManager's attributes, which look up the owner's and group's names
            // (reading /etc/passwd and /etc/group) for every file: a sync lists the packs each time.
            let sizes = [".pack", ".idx"].map { suffix in Int64(FileStat.of(folder + "/" + name + suffix)?.size ?? 0) }
            return PackFile(name: name, folder: folder,
                            isKept: present.contains(name + ".keep") || present.contains(name + ".promisor"),
                            bytes: sizes.reduce(0, +), isCruft: present.contains(name + ".mtimes"),
                            modified: FileStat.of(folder + "/" + file)?.mtime.seconds ?? 0)
        }
    }

    /// The number of objects the pack's index lists, from the last entry of its fan-out table,
    /// without reading the rest of the index; nil when the index cannot be read.
    func objectCount() -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path(".idx")) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 8 + 256 * 4), head.count >= 256 * 4 else { return nil }
        let bytes = [UInt8](head)
        // Version 2 starts with "\377tOc" and a version number before the fan-out; version 1 has none.
        let fanout = bytes.starts(with: [0xff, 0x74, 0x4f, 0x63]) ? 8 : 0
        guard bytes.count >= fanout + 256 * 4 else { return nil }
        return Int(PackFile.bigEndian(bytes, at: fanout + 255 * 4))
    }

    /// An error for the failed system call whose errno is current.
    static func osError(_ operation: String, path: String) -> GitError {
        GitError(code: .generic, errorClass: Int32(GIT_ERROR_OS.rawValue), message: String(cString: strerror(errno)),
                 operation: operation, path: path)
    }

    /// The 4-byte big-endian number at `offset`.
    static func bigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Removes `folder`'s multi-pack-index and its bitmap and reverse index, as git's repack does
    /// before removing packs the index may name. Only a faster way to find objects: git and
    /// libgit2 read the packs' own indexes without it.
    static func removeMultiPackIndex(in folder: String) throws(GitError) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name == "multi-pack-index" || name.hasPrefix("multi-pack-index-") {
            if unlink(folder + "/" + name) != 0 && errno != ENOENT {
                throw GitError(code: .generic, errorClass: Int32(GIT_ERROR_OS.rawValue), message: String(cString: strerror(errno)),
                               operation: "remove the multi-pack-index", path: folder + "/" + name)
            }
        }
    }

    /// Removes the pack's files as git does: the `.idx` last, so that a crash part way leaves an
    /// index without its pack, which git and libgit2 both ignore, never a pack they would read
    /// through a missing index.
    func remove() throws(GitError) {
        // A cruft pack's .mtimes goes with the .pack: a .pack left without it would make its
        // objects look as young as the file, which only delays their expiry.
        for suffix in [".pack", ".mtimes", ".rev", ".bitmap", ".idx"] {
            let file = path(suffix)
            if unlink(file) != 0 && errno != ENOENT {
                throw GitError(code: .generic, errorClass: Int32(GIT_ERROR_OS.rawValue),
                               message: String(cString: strerror(errno)), operation: "remove the replaced pack \(name)", path: file)
            }
        }
    }

    /// Whether the repository has outgrown its biggest pack (kept packs aside): the other packs,
    /// the loose objects (their files' `looseBytes`) and the cruft packs (unreachable objects kept
    /// for their grace period) hold more than `policy.fullRepackShare` of its bytes, once it has
    /// `fullRepackMinimumBytes`. Then only a full repack brings the repository back near the size
    /// of a packed copy.
    ///
    /// A full repack cannot drop a cruft pack's objects before their time, so those count toward
    /// the size but never make it due alone: what it can fold in (the other packs and the loose
    /// objects) must hold at least half the share, or a repository with much young garbage would
    /// repack everything after every sync.
    static func outgrowBiggest(_ packs: [PackFile], looseBytes: Int64, policy: MaintenancePolicy) -> Bool {
        let live = packs.filter { !$0.isKept && !$0.isCruft }.map(\.bytes)
        guard let biggest = live.max(), biggest >= policy.fullRepackMinimumBytes else { return false }
        let foldable = live.reduce(0, +) - biggest + looseBytes
        let graced = packs.filter { !$0.isKept && $0.isCruft }.reduce(0) { $0 + $1.bytes }
        let share = policy.fullRepackShare * Double(biggest)
        return Double(foldable + graced) > share && Double(foldable) > share / 2
    }
}
