/// The rule that keeps the host from rolling a device back: every manifest links to the digest of
/// the one before it, so a device that remembers the newest manifest it has seen (``VaultSeen``)
/// can tell whether a manifest offered now descends from it.
///
/// Sealing alone does not prevent this: an older manifest is just as authentic as the newest, and
/// a host replaying it would silently hide later pushes (an entry's newest version, a deletion).
public enum VaultChain {
    /// Checks that `newest`, whose sealed bytes have the digest `digest`, may follow `seen`.
    ///
    /// - No `seen` (the first fetch): accepted.
    /// - An older sequence than `seen`'s: ``VaultError/rolledBack(seen:offered:)``.
    /// - The same sequence with another digest: ``VaultError/forked(sequence:)``.
    /// - A newer sequence: the `previous` links are followed through `manifest` (which returns the
    ///   manifest sealed with that digest, or nil when none is to be found) down to `seen`'s
    ///   sequence, where the digest must be `seen`'s (else ``VaultError/forked(sequence:)``). A
    ///   missing link or one whose sequence is not one less is
    ///   ``VaultError/brokenChain(sequence:)`` at the sequence that was needed.
    ///
    /// `manifest` should open each manifest with ``VaultSeal/openManifest(_:)`` and check that its
    /// sealed bytes have the digest asked for; its errors are passed on.
    public static func check(_ newest: VaultManifest, digest: String, seen: VaultSeen?,
                             manifest: (String) throws(VaultError) -> VaultManifest?) throws(VaultError) {
        guard let seen else { return }
        if newest.sequence < seen.sequence { throw .rolledBack(seen: seen.sequence, offered: newest.sequence) }
        if newest.sequence == seen.sequence {
            guard digest == seen.digest else { throw .forked(sequence: seen.sequence) }
            return
        }
        var current = newest
        while current.sequence > seen.sequence {
            let wanted = current.sequence - 1
            guard let previousDigest = current.previous else { throw .brokenChain(sequence: wanted) }
            if wanted == seen.sequence {
                guard previousDigest == seen.digest else { throw .forked(sequence: seen.sequence) }
                return
            }
            guard let previous = try manifest(previousDigest), previous.sequence == wanted else {
                throw .brokenChain(sequence: wanted)
            }
            current = previous
        }
    }
}
