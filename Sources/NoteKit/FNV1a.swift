/// FNV-1a, 64 bits: a tiny hash that is the same on every platform, Swift version and run (unlike
/// `Hasher`, seeded per process), for names every device must derive alike: conflict record ids
/// and import fingerprints. It only tells a user's own texts apart; it does not resist an attacker.
package enum FNV1a {
    /// The 64-bit hash of `bytes`.
    @inlinable package static func hash64(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
        return value
    }

    /// The low `digits` hex digits (at most 16) of ``hash64(_:)``, lowercase and zero-padded.
    @inlinable package static func hex(_ bytes: some Sequence<UInt8>, digits: Int) -> String {
        let value = hash64(bytes)
        let kept = digits >= 16 ? value : value & ((1 << UInt64(digits * 4)) - 1)
        let hex = String(kept, radix: 16)
        return String(repeating: "0", count: digits - hex.count) + hex
    }
}
