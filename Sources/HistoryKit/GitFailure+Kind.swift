import GitKit

extension GitFailure {
    /// The kinds of git failure a caller may want to act on.
    public enum Kind: Sendable, Equatable {
        /// The ssh host `host` (with its port when not 22) has no line in `knownHostsFile`; it
        /// presented the `keyType` key with SHA-256 `fingerprint`. Nothing was sent.
        case hostKeyUnknown(host: String, keyType: String, fingerprint: String, knownHostsFile: String)
        /// The ssh host `host` presented a key other than the one `lines` of `knownHostsFile` hold
        /// for it: someone may be intercepting the connection, or the server was reinstalled.
        case hostKeyChanged(host: String, keyType: String, fingerprint: String, knownHostsFile: String, lines: [Int])
        /// The remote refused every credential offered.
        case authentication
        /// The remote did not answer within `seconds`.
        case timeout(seconds: Double)
        /// The remote's objects do not read back or do not hash to their names: its repository is
        /// damaged (or lies); none of them was stored.
        case damagedRemote
        /// The repository uses a git extension (`name`, lowercased) that libgit2 cannot read.
        case unsupportedExtension(String)
        /// Anything else: ``GitFailure/message`` says what.
        case other

        init(_ error: GitError) {
            switch error.cause {
            case .hostKeyUnknown(let host, let keyType, let fingerprint, let file)?:
                self = .hostKeyUnknown(host: host, keyType: keyType, fingerprint: fingerprint, knownHostsFile: file)
            case .hostKeyChanged(let host, let keyType, let fingerprint, let file, let lines)?:
                self = .hostKeyChanged(host: host, keyType: keyType, fingerprint: fingerprint, knownHostsFile: file, lines: lines)
            case .timeout(let seconds)?:
                self = .timeout(seconds: seconds)
            case nil:
                if let name = error.unsupportedExtension {
                    self = .unsupportedExtension(name)
                } else if ["odb", "zlib", "object"].contains(error.errorClassName) {
                    self = .damagedRemote
                } else if error.code == .auth {
                    self = .authentication
                } else {
                    self = .other
                }
            }
        }
    }
}
