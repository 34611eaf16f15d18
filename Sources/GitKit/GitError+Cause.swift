extension GitError {
    /// What GitKit knows about a failure beyond libgit2's code and message, for a caller that
    /// wants to say what to do about it.
    public enum Cause: Sendable, Equatable {
        /// The ssh host `host` (with its port when not 22) has no line in `knownHostsFile`; it
        /// presented the `keyType` key with SHA-256 `fingerprint`.
        case hostKeyUnknown(host: String, keyType: String, fingerprint: String, knownHostsFile: String)
        /// The ssh host `host` presented the `keyType` key with `fingerprint`, but `lines` of
        /// `knownHostsFile` hold a different key for it.
        case hostKeyChanged(host: String, keyType: String, fingerprint: String, knownHostsFile: String, lines: [Int])
        /// The remote did not answer for `seconds` (the limit set in ``NetworkOptions/timeout``).
        case timeout(seconds: Double)
    }
}
