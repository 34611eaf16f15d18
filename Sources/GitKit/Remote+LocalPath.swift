import Foundation

extension Remote {
    /// The folder a remote URL names on this machine (`/srv/journal.git`, `../journal.git`,
    /// `file:///srv/journal.git`, percent-decoded), or nil for a network remote: a URL with any
    /// other scheme, or git's scp-like `host:path` (a colon before the first slash). A relative
    /// path is returned as written; git reads it from the notebook's root.
    public static func localPath(of url: String) -> String? {
        if let scheme = url.range(of: "://") {
            guard url[..<scheme.lowerBound].lowercased() == "file" else { return nil }
            return URL(string: url)?.path(percentEncoded: false)
        }
        if let colon = url.firstIndex(of: ":"), colon < (url.firstIndex(of: "/") ?? url.endIndex) { return nil }
        return url
    }
}
