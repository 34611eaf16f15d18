import Foundation

/// The ssh host keys a user trusts: an OpenSSH `known_hosts` file, read the way OpenSSH reads it,
/// so that Hearth can tell a host it has never seen from one whose key changed (libgit2 1.5 only
/// says "not valid" for both).
///
/// Understood: comment and blank lines; plain host lists (`host1,[host2]:2222 type base64`) with
/// OpenSSH's `*`, `?` and `!` patterns, compared case-insensitively; hashed hosts
/// (`|1|salt|HMAC-SHA1(salt, host)`, written with `HashKnownHosts yes`); the `@revoked` marker.
/// `@cert-authority` lines are skipped (Hearth does not verify host certificates), and lines that
/// cannot be parsed are skipped too, as OpenSSH does. A host on a port other than 22 is looked up
/// as `[host]:port`.
public struct KnownHosts: Sendable {
    /// One parsed key line.
    public struct Entry: Sendable, Hashable {
        /// The line's marker, if it has one.
        public enum Marker: Sendable, Hashable {
            /// `@cert-authority`: the key signs host certificates.
            case certificateAuthority
            /// `@revoked`: the key must never be accepted.
            case revoked
        }

        /// The 1-based line number in the file.
        public var line: Int
        /// `@cert-authority` or `@revoked`, nil for an ordinary entry.
        public var marker: Marker?
        /// The key type as written ("ssh-ed25519", ...).
        public var keyType: String
        /// The decoded public key blob.
        public var key: Data
        /// The host field: hashed, or a comma-separated pattern list.
        var hosts: Hosts

        enum Hosts: Sendable, Hashable {
            case hashed(salt: [UInt8], digest: [UInt8])
            case patterns([String])
        }

        /// Whether this line names `hostName` (already in `[host]:port` form when needed).
        func names(_ hostName: String) -> Bool {
            switch hosts {
            case .hashed(let salt, let digest):
                return SHA1.hmac(key: salt, message: Array(hostName.utf8)) == digest
            case .patterns(let patterns):
                let name = hostName.lowercased()
                var matched = false
                for pattern in patterns {
                    let negated = pattern.hasPrefix("!")
                    let body = negated ? String(pattern.dropFirst()) : pattern
                    guard KnownHosts.wildcardMatch(Array(name.utf8), Array(body.lowercased().utf8)) else { continue }
                    // A matching negated pattern excludes the host from the whole line.
                    if negated { return false }
                    matched = true
                }
                return matched
            }
        }
    }

    /// What the file says about a host and the key it presented.
    public enum Verdict: Sendable, Hashable {
        /// An ordinary line lists this key for the host.
        case trusted(line: Int)
        /// The host has no line at all.
        case unknown
        /// The host has lines, but none with this key: these lines hold other keys for it.
        case changed(lines: [Int])
        /// A `@revoked` line lists this key.
        case revoked(line: Int)
    }

    /// The file the entries came from.
    public let file: URL
    /// The key lines, in file order.
    public let entries: [Entry]

    /// Reads `file`; a missing file holds no entries.
    /// - Throws: ``KnownHostsError`` when the file exists but cannot be read.
    public init(file: URL) throws(KnownHostsError) {
        let path = file.path(percentEncoded: false)
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            if !FileManager.default.fileExists(atPath: path) {
                self.init(file: file, text: "")
                return
            }
            throw KnownHostsError(path: path, operation: "read", reason: Self.reason(of: error))
        }
        self.init(file: file, text: String(decoding: data, as: UTF8.self))
    }

    /// Parses `text` as the contents of `file`.
    public init(file: URL, text: String) {
        self.file = file
        var entries: [Entry] = []
        // Split by scalars, as OpenSSH splits bytes: "\r\n" is one Character, so splitting
        // Characters at "\n" would read a CRLF file as a single line and trust no host in it.
        for (index, line) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let entry = Self.parse(Substring(line), number: index + 1) { entries.append(entry) }
        }
        self.entries = entries
    }

    /// The name OpenSSH records a host under: `host` on port 22, else `[host]:port`.
    public static func hostName(_ host: String, port: Int) -> String {
        port == 22 ? host : "[\(host)]:\(port)"
    }

    /// What the file says about `keyType`/`key` presented by `host` on `port`.
    public func verdict(host: String, port: Int, keyType: String, key: Data) -> Verdict {
        let name = Self.hostName(host, port: port)
        var trusted: Int?
        var others: [Int] = []
        for entry in entries where entry.names(name) {
            let same = entry.keyType == keyType && entry.key == key
            switch entry.marker {
            case .revoked:
                if same { return .revoked(line: entry.line) }
            case .certificateAuthority:
                continue
            case nil:
                if same { trusted = trusted ?? entry.line } else { others.append(entry.line) }
            }
        }
        if let trusted { return .trusted(line: trusted) }
        return others.isEmpty ? .unknown : .changed(lines: others)
    }

    /// Appends `host keyType base64` for a host that has no line yet, as OpenSSH's
    /// `StrictHostKeyChecking=accept-new` does. Creates the folder (0700) and the file (0600) when
    /// missing. The line is appended with one `write` under an exclusive `flock`, after reading the
    /// file again, so no existing line is rewritten or lost and a concurrent addition is not
    /// duplicated; a failed write is cut off again.
    /// - Returns: the verdict before writing: `.unknown` when the line was added, otherwise what
    ///   the file now says (another process may have added the host meanwhile), with nothing written.
    /// - Throws: ``KnownHostsError`` when the folder or file cannot be created or written.
    @discardableResult
    public static func addNewHost(_ host: String, port: Int, keyType: String, key: Data, to file: URL) throws(KnownHostsError) -> Verdict {
        let path = file.path(percentEncoded: false)
        let folder = file.deletingLastPathComponent().path(percentEncoded: false)
        func failure(_ reason: String) -> KnownHostsError {
            KnownHostsError(path: path, operation: "add the host key to", reason: reason)
        }
        if mkdir(folder, 0o700) != 0, errno != EEXIST {
            throw failure("cannot create \(folder): \(String(cString: strerror(errno)))")
        }
        let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { throw failure(String(cString: strerror(errno))) }

        let current = try KnownHosts(file: file).verdict(host: host, port: port, keyType: keyType, key: key)
        guard current == .unknown else { return current }

        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(String(cString: strerror(errno))) }
        let size = info.st_size
        var text = "\(hostName(host, port: port)) \(keyType) \(key.base64EncodedString())\n"
        if size > 0 {
            var last: UInt8 = 0
            if pread(descriptor, &last, 1, size - 1) == 1, last != UInt8(ascii: "\n") { text = "\n" + text }
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else {
                let reason = String(cString: strerror(errno))
                // A half-written line would be garbage in the user's file: take it back out.
                _ = ftruncate(descriptor, size)
                throw failure(reason)
            }
            written += result
        }
        guard fsync(descriptor) == 0 else { throw failure(String(cString: strerror(errno))) }
        return .unknown
    }

    /// Parses one line; nil for comments, blank and malformed lines.
    private static func parse(_ line: Substring, number: Int) -> Entry? {
        var fields = line.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(Substring.init)
        guard let first = fields.first, !first.hasPrefix("#") else { return nil }
        var marker: Entry.Marker?
        if first.hasPrefix("@") {
            switch first {
            case "@cert-authority": marker = .certificateAuthority
            case "@revoked": marker = .revoked
            default: return nil
            }
            fields.removeFirst()
        }
        guard fields.count >= 3, let key = Data(base64Encoded: String(fields[2])) else { return nil }
        let hostField = fields[0]
        let hosts: Entry.Hosts
        if hostField.hasPrefix("|") {
            let parts = hostField.split(separator: "|", omittingEmptySubsequences: false)
            guard parts.count == 4, parts[1] == "1",
                  let salt = Data(base64Encoded: String(parts[2])), let digest = Data(base64Encoded: String(parts[3])),
                  salt.count == 20, digest.count == 20
            else { return nil }
            hosts = .hashed(salt: Array(salt), digest: Array(digest))
        } else {
            hosts = .patterns(hostField.split(separator: ",").map(String.init))
        }
        return Entry(line: number, marker: marker, keyType: String(fields[1]), key: key, hosts: hosts)
    }

    /// OpenSSH's `match_pattern`: `*` matches any run of bytes, `?` any one byte.
    static func wildcardMatch(_ text: [UInt8], _ pattern: [UInt8]) -> Bool {
        var textIndex = 0, patternIndex = 0
        var starPattern: Int?, starText = 0
        while textIndex < text.count {
            if patternIndex < pattern.count, pattern[patternIndex] == UInt8(ascii: "?") || pattern[patternIndex] == text[textIndex] {
                textIndex += 1
                patternIndex += 1
            } else if patternIndex < pattern.count, pattern[patternIndex] == UInt8(ascii: "*") {
                starPattern = patternIndex
                starText = textIndex
                patternIndex += 1
            } else if let star = starPattern {
                patternIndex = star + 1
                starText += 1
                textIndex = starText
            } else {
                return false
            }
        }
        while patternIndex < pattern.count, pattern[patternIndex] == UInt8(ascii: "*") { patternIndex += 1 }
        return patternIndex == pattern.count
    }

    private static func reason(of error: any Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }
}
