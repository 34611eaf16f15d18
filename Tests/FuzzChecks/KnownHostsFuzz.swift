import Foundation
import GitKit

/// known_hosts parsing. Input: a file, and optionally (0x1E between) a host, a key type and raw
/// key bytes. Every plain host an ordinary line names must be trusted (or revoked) with that
/// line's key; the line `HostKey` writes for a new host, appended, must make its key trusted.
enum KnownHostsFuzz {
    static let file = URL(fileURLWithPath: "/fuzz/known_hosts")

    static func check(_ data: Data) throws(FuzzFailure) {
        let parts = FuzzInput.parts(of: data)
        let text = String(decoding: parts[0], as: UTF8.self)
        let known = KnownHosts(file: file, text: text)
        // The file's lines as OpenSSH reads them: split at each LF, a CR before it dropped.
        let rawLines = parts[0].split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { String(decoding: $0.last == 0x0D ? $0.dropLast() : $0, as: UTF8.self) }
        var previous = 0
        for entry in known.entries {
            guard entry.line > previous, entry.line <= rawLines.count else {
                throw FuzzFailure("entry line \(entry.line) is out of order or past the file's \(rawLines.count) lines")
            }
            previous = entry.line
        }
        for (index, line) in rawLines.enumerated() where !line.contains("\r") {
            let fields = line.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(Substring.init)
            guard fields.count >= 3, !fields[0].hasPrefix("#"), !fields[0].hasPrefix("@"),
                  let key = Data(base64Encoded: String(fields[2])) else { continue }
            for (host, port) in plainHosts(of: fields[0]) {
                switch known.verdict(host: host, port: port, keyType: String(fields[1]), key: key) {
                case .trusted, .revoked:
                    break
                case let verdict:
                    throw FuzzFailure("line \(index + 1) names \(host):\(port) with its key, yet the verdict is \(verdict):\n\(text.debugDescription)")
                }
            }
        }
        guard parts.count >= 4, let host = FuzzInput.text(parts[1]), let keyType = FuzzInput.text(parts[2]),
              isName(host, extra: ".-_"), isName(keyType, extra: ".-_@"), !parts[3].isEmpty else { return }
        for port in [22, 2222] {
            let key = HostKey(host: host, port: port, isKnown: false, sha256: nil, keyType: keyType, rawKey: parts[3])
            guard let line = key.knownHostsLine else { throw FuzzFailure("a key with type and bytes has no known_hosts line") }
            let added = KnownHosts(file: file, text: text + "\n" + line + "\n")
            switch added.verdict(host: host, port: port, keyType: keyType, key: parts[3]) {
            case .trusted, .revoked:
                break
            case let verdict:
                throw FuzzFailure("after appending \(line.debugDescription) the verdict is \(verdict)")
            }
        }
    }

    /// The hosts a host field lists without patterns, hashing or negation, with their ports; none when
    /// any of its patterns is negated (a negation excludes a host from the whole line).
    private static func plainHosts(of field: Substring) -> [(String, Int)] {
        guard !field.hasPrefix("|"), !field.contains("!") else { return [] }
        return field.split(separator: ",").compactMap { pattern -> (String, Int)? in
            guard !pattern.contains("*"), !pattern.contains("?") else { return nil }
            if pattern.hasPrefix("["), let close = pattern.lastIndex(of: "]") {
                let portText = pattern[pattern.index(after: close)...].dropFirst()
                guard pattern[pattern.index(after: close)...].hasPrefix(":"), let port = Int(portText),
                      String(port) == portText, port != 22 else { return nil }
                return (String(pattern[pattern.index(after: pattern.startIndex)..<close]), port)
            }
            return (String(pattern), 22)
        }
    }

    /// A host name (letters, digits, `.`, `-`, `_`) or a key type (also `@`, as in
    /// `sk-ssh-ed25519@openssh.com`) as ssh writes them.
    private static func isName(_ text: String, extra: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || extra.unicodeScalars.contains($0)) }
    }
}
