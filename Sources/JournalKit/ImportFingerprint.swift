/// A stable content fingerprint for entries whose source has no id of their own (jrnl).
///
/// FNV-1a 64 is tiny, has no dependency and is the same on every platform and Swift version,
/// unlike `Hasher`, which is seeded per process. It only has to tell a user's own entries apart,
/// not resist an attacker.
public enum ImportFingerprint {
    /// FNV-1a 64 of the UTF-8 bytes of `parts` joined by U+001F (unit separator, which entry text
    /// does not contain), as 16 lowercase hex digits.
    public static func hex(_ parts: [String]) -> String {
        fnv1a64Hex(Array(parts.joined(separator: "\u{1F}").utf8))
    }

    /// FNV-1a 64 of `bytes` as 16 lowercase hex digits, zero-padded.
    public static func fnv1a64Hex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
