extension NotebookLayout {
    /// Where a version that cannot stay at `path` is kept beside it: `days/2026/2026-11-22.md` ->
    /// `days/2026/2026-11-22.conflict-laptop.md` for `label` "laptop". A name without an
    /// extension (or a dot file) gets the suffix at its end. The one naming rule for a sync's
    /// conflict copies and the copy a guarded write keeps of an editor's save, split at the `/`
    /// and `.` bytes (never at Characters, which a combining or prepend mark can join to them).
    package static func conflictCopyPath(of path: String, label: String) -> String {
        let bytes = Array(path.utf8)
        let nameStart = (bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        guard let dot = bytes[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot > nameStart else {
            return path + ".conflict-" + label
        }
        return String(decoding: bytes[..<dot], as: UTF8.self) + ".conflict-" + label + String(decoding: bytes[dot...], as: UTF8.self)
    }
}
