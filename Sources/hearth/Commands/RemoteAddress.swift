import Foundation
import GitKit

/// How a remote was written on the command line: a URL (`ssh://`, `https://`, `file://`), git's
/// scp-like `user@host:path`, or a local path, which is taken relative to where the user is.
enum RemoteAddress {
    /// `address` with a relative local path made absolute against `base`; anything else as given.
    static func resolved(_ address: String, from base: URL) -> String {
        guard isLocalPath(address), !address.hasPrefix("/") else { return address }
        return URL(fileURLWithPath: address, relativeTo: base).standardizedFileURL.path
    }

    /// Whether `address` is a path on this machine written as a path (not a `file://` URL).
    static func isLocalPath(_ address: String) -> Bool {
        !address.contains("://") && Remote.localPath(of: address) != nil
    }
}
