import Foundation

extension Remote {
    /// The folder a remote URL names on this machine (`/srv/journal.git`, `../journal.git`,
    /// `file:///srv/journal.git`, percent-decoded), or nil for a network remote: a URL with any
    /// other scheme, or git's scp-like `host:path` (a colon before the first slash). A relative
    /// path is returned as written: see ``localFolder(of:relativeTo:)``.
    public static func localPath(of url: String) -> String? {
        if let scheme = url.range(of: "://") {
            guard url[..<scheme.lowerBound].lowercased() == "file" else { return nil }
            return URL(string: url)?.path(percentEncoded: false)
        }
        if let colon = url.firstIndex(of: ":"), colon < (url.firstIndex(of: "/") ?? url.endIndex) { return nil }
        return url
    }

    /// The folder a remote URL names on this machine, a relative path taken from `base`, or nil
    /// for a network remote. Git reads a configured remote's relative path from the top of the
    /// work tree (a bare repository's folder), wherever the command was started. `..` is left
    /// for the file system to follow, as it would from that folder (through a symbolic link to
    /// the work tree, to the link target's parent).
    public static func localFolder(of url: String, relativeTo base: URL) -> URL? {
        guard let path = localPath(of: url) else { return nil }
        return path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appending(path: path)
    }
}
