import Foundation

/// A cache of parsed front-matter that spares `list` and other queries from reading and parsing
/// every entry each time.
///
/// It lives in a folder the caller names (the hearth program uses `.git/hearth/`, which git
/// never commits, so the cache is never synced) and can always be deleted. It is never wrong:
///
/// - An entry is taken from the cache only when the file's stamp (modification and change
///   times to the nanosecond, size, inode, device, mode) is the one recorded, and both times are
///   older than the moment the scan that recorded it began. A file changed in the same clock
///   tick as that scan is "racily clean", as git's index calls it, and is read again. Where the
///   scan reads the file anyway (for its body), the cached front-matter is used only when the
///   file starts with exactly the bytes it was parsed from.
/// - The file carries a magic number, its format and the program version that wrote it, and a
///   checksum over the rest: a cache from another version, a truncated or damaged one is
///   ignored and rewritten, never trusted.
/// - It is replaced by renaming a complete temporary file over it, so concurrent writers and
///   readers never see part of one; if it cannot be written (a read-only folder), the scan
///   simply runs without it.
public struct FrontMatterCache: Sendable {
    /// The cache's file name inside its folder.
    public static let fileName = "frontmatter.cache"

    /// The folder holding the cache (created when missing; its parent must exist).
    public let folder: URL
    /// The version of the program writing it: a cache written by any other version is ignored.
    public let version: String

    /// A cache in `folder` for the program at `version`.
    public init(folder: URL, version: String) {
        self.folder = folder.standardizedFileURL
        self.version = version
    }

    /// The cache file's path.
    public var path: String { folder.path + "/" + Self.fileName }
}
