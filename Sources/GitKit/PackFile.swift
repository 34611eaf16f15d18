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
            let sizes = [".pack", ".idx"].map { suffix in
                ((try? FileManager.default.attributesOfItem(atPath: folder + "/" + name + suffix))?[.size] as? NSNumber)?.int64Value ?? 0
            }
            return PackFile(name: name, folder: folder,
                            isKept: present.contains(name + ".keep") || present.contains(name + ".promisor"),
                            bytes: sizes.reduce(0, +))
        }
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
        for suffix in [".pack", ".rev", ".mtimes", ".bitmap", ".idx"] {
            let file = path(suffix)
            if unlink(file) != 0 && errno != ENOENT {
                throw GitError(code: .generic, errorClass: Int32(GIT_ERROR_OS.rawValue),
                               message: String(cString: strerror(errno)), operation: "remove the replaced pack \(name)", path: file)
            }
        }
    }
}
