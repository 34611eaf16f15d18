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
        let kept = String(name.unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" ? Character(scalar) : "-"
        })
        // Cap first, then trim, so the cut never leaves a dangling dash.
        let trimmed = String(kept.prefix(40)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "device" : trimmed
    }
}
