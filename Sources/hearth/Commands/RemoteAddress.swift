import Foundation

/// How a remote was written on the command line: a URL (`ssh://`, `https://`, `file://`), git's
/// scp-like `user@host:path`, or a local path, which is taken relative to where the user is.
enum RemoteAddress {
    /// `address` with a relative local path made absolute against `base`; anything else as given.
    static func resolved(_ address: String, from base: URL) -> String {
        guard isLocalPath(address), !address.hasPrefix("/") else { return address }
        return URL(fileURLWithPath: address, relativeTo: base).standardizedFileURL.path
    }

    /// Whether `address` names a folder on this machine: no scheme, and no `host:` before the
    /// first slash (git's rule for telling `host:path` from a path).
    static func isLocalPath(_ address: String) -> Bool {
        if address.contains("://") { return false }
        guard let colon = address.firstIndex(of: ":") else { return true }
        let slash = address.firstIndex(of: "/") ?? address.endIndex
        return slash < colon
    }
}
