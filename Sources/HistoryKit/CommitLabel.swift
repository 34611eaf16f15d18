import GitKit

/// The device a commit came from, as conflict markers and records name it.
package enum CommitLabel {
    /// The `device:` prefix hearth puts on its commit messages, else the author's name: derived
    /// from the commit alone, so every device labels the same commit the same way.
    package static func device(of commit: Commit) -> String {
        let subject = commit.summary
        if let colon = subject.firstIndex(of: ":") {
            let prefix = subject[..<colon]
            if !prefix.isEmpty, prefix.count <= 64, prefix.allSatisfy({ $0.isLetter || $0.isNumber || "-_".contains($0) }) {
                return String(prefix)
            }
        }
        let name = DeviceName.sanitized(commit.author.name)
        return name.isEmpty ? "unknown" : name
    }
}
