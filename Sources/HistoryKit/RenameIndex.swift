import Foundation

/// Where a notebook keeps its rename index, and which program version may trust it.
///
/// The rename index spares `show --at`, `restore --at` and the lookup of a deleted entry the walk
/// over every commit from HEAD that following an entry's names back to a commit takes: it holds,
/// for each commit reachable from HEAD, its parents, tree and time, and for each commit and
/// parent between which files were renamed, the (old, new) pairs libgit2's rename detection finds
/// there (the pairs the walk would find), and for each step the hashes of the paths it changed,
/// which let `log ENTRY` pass the commits that left the entry alone without reading their trees,
/// and the step's whole tree diff (paths, blobs and modes), so that `log`, `log ENTRY` and
/// `grep --history` read the blobs they tell and no tree.
/// It lives in a folder the caller names (the hearth program uses `.git/hearth/`, which git never
/// commits, so it is never synced) and can always be deleted. It is never wrong:
///
/// - It names the commit it was written for (HEAD then) and covers exactly the commits reachable
///   from it; each commit's record depends on nothing but the commit itself (its id fixes its
///   parents and trees, and the rename detection uses fixed limits, not the user's config).
/// - When HEAD is another commit, the commits reachable from HEAD that it lacks are read once and
///   added; commits HEAD no longer reaches (a `git reset`, a rewritten history) are dropped; the
///   index is written again before it is used.
/// - The file carries a magic number, its format and the program version that wrote it, and a
///   checksum over the rest: another version's, a truncated or damaged one is ignored and
///   rebuilt, never trusted.
/// - It is replaced by renaming a complete temporary file over it. When it has to be written and
///   cannot be (a read-only `.git`), the history is walked as without it.
public struct RenameIndex: Sendable {
    /// The index's file name inside its folder.
    public static let fileName = "renames.index"

    /// The folder holding the index (created when missing; its parent must exist).
    public let folder: URL
    /// The version of the program writing it: an index written by any other version is ignored.
    public let version: String

    /// An index in `folder` for the program at `version`.
    public init(folder: URL, version: String) {
        self.folder = folder.standardizedFileURL
        self.version = version
    }

    /// The index file's path.
    public var path: String { folder.path + "/" + Self.fileName }
}
