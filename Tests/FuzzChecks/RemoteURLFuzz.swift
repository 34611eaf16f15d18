import Foundation
import GitKit

/// The git remote URL readers. Input: a URL, and optionally (0x1E between) a host and a port
/// number. Redacting leaves no secret and is stable; the port read from an ssh URL is a real
/// port; a URL built from a plain host and port gives them back.
enum RemoteURLFuzz {
    static func check(_ data: Data) throws(FuzzFailure) {
        let parts = FuzzInput.parts(of: data)
        let url = String(decoding: parts[0], as: UTF8.self)
        let redacted = Remote.redacted(url)
        guard Remote.secrets(in: redacted).isEmpty, Remote.redacted(redacted) == redacted else {
            throw FuzzFailure("redacting \(url.debugDescription) gives \(redacted.debugDescription), which still holds a secret")
        }
        // These may return anything for nonsense, but must not crash on it.
        _ = Remote.localPath(of: url)
        _ = Remote.localFolder(of: url, relativeTo: URL(fileURLWithPath: "/notebook"))
        _ = NetworkWatchdog.port(of: url)
        let host = authorityHost(of: url)
        guard (1...65535).contains(HostKeyTrust.port(in: url, host: host)) else {
            throw FuzzFailure("\(url.debugDescription) gives port \(HostKeyTrust.port(in: url, host: host)) for \(host.debugDescription)")
        }
        guard parts.count >= 3, let name = FuzzInput.text(parts[1]), let portText = FuzzInput.text(parts[2]),
              let port = Int(portText), (1...65535).contains(port), !name.isEmpty,
              name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0)) }) else { return }
        for built in ["ssh://git@\(name):\(port)/journal.git", "ssh://\(name):\(port)/journal.git"] {
            guard HostKeyTrust.port(in: built, host: name) == port, NetworkWatchdog.port(of: built) == UInt16(port),
                  Remote.localPath(of: built) == nil else {
                throw FuzzFailure("\(built.debugDescription) does not give back host \(name) and port \(port)")
            }
        }
    }

    /// What is between `://` (and a user part) and the port or path: the host libgit2 would report.
    private static func authorityHost(of url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return "" }
        var authority = url[schemeEnd.upperBound...].prefix { $0 != "/" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        return String(authority.prefix { $0 != ":" })
    }
}
