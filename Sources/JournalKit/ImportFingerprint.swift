import NoteKit

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
        FNV1a.hex(bytes, digits: 16)
    }

    /// The front-matter key that holds ``noteHash(_:)`` of the note as the import wrote it.
    public static let noteHashKey = "source_hash"

    /// FNV-1a 64 of a note's text without its `source_hash:` line: what a later import compares
    /// to tell a note nobody touched since it was imported (safe to update) from one edited in
    /// hearth (never overwritten).
    public static func noteHash(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix(noteHashKey + ":") }
        return fnv1a64Hex(Array(lines.joined(separator: "\n").utf8))
    }

    /// Whether `note` is exactly as an import wrote it: it carries ``noteHashKey`` and its text
    /// still hashes to it. False for a note edited since, and for one imported by a hearth that
    /// wrote no hash (nothing tells whether it was edited).
    public static func isAsImported(_ note: Note) -> Bool {
        guard let stored = note[noteHashKey]?.scalar?.text else { return false }
        return stored == noteHash(note.text)
    }
}
