import Foundation

/// Device names as they appear in commit messages and conflict records: short, one word.
public enum DeviceName {
    /// The machine's host name without its domain, the default device name.
    public static func host() -> String {
        let name = ProcessInfo.processInfo.hostName
        return String(name.prefix { $0 != "." })
    }

    /// Keeps letters, digits, `-` and `_`, so the name is safe in messages and file names
    /// (`entry.conflict-laptop.md`).
    public static func sanitized(_ name: String) -> String {
        // An ASCII name (most host names) by its bytes, to the same result: the Unicode
        // properties and Foundation's character sets below cost more than the rest of reading it.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            let kept = name.utf8.prefix(40).map { byte -> UInt8 in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "-"), UInt8(ascii: "_"): byte
                default: UInt8(ascii: "-")
                }
            }
            let trimmed = kept.drop { $0 == UInt8(ascii: "-") }.reversed().drop { $0 == UInt8(ascii: "-") }.reversed()
            return trimmed.isEmpty ? "device" : String(decoding: Array(trimmed), as: UTF8.self)
        }
        let kept = String(name.unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" ? Character(scalar) : "-"
        })
        // Cap first, then trim, so the cut never leaves a dangling dash.
        let trimmed = String(kept.prefix(40)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "device" : trimmed
    }
}
