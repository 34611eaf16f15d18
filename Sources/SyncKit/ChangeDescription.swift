import Foundation
internal import GitKit
import NoteKit

/// Says in words what changed in one file between two versions, for commit messages:
/// `edit days/2026/2026-11-22.md (energy, body)`.
struct ChangeDescription: Hashable {
    /// add, edit, delete or rename.
    var verb: String
    /// The path (for renames, `old -> new`).
    var subject: String
    /// Front-matter keys whose values changed, in file order, plus `body` when the body did.
    var fields: [String]

    /// One line: `edit days/x.md (energy, body)`.
    var line: String {
        fields.isEmpty ? "\(verb) \(subject)" : "\(verb) \(subject) (\(fields.joined(separator: ", ")))"
    }

    /// Describes one tree change, reading both blobs to name changed front-matter fields.
    static func describe(_ change: TreeChange, in repository: Repository) throws(GitError) -> ChangeDescription {
        switch change.status {
        case .added:
            return ChangeDescription(verb: "add", subject: change.newPath ?? "?", fields: [])
        case .deleted:
            return ChangeDescription(verb: "delete", subject: change.oldPath ?? "?", fields: [])
        case .renamed:
            let fields = try changedFields(change, in: repository)
            return ChangeDescription(verb: "rename", subject: "\(change.oldPath ?? "?") -> \(change.newPath ?? "?")", fields: fields)
        case .modified, .typeChanged:
            return ChangeDescription(verb: "edit", subject: change.newPath ?? change.oldPath ?? "?",
                                     fields: try changedFields(change, in: repository))
        }
    }

    /// The front-matter keys (and `body`) that differ; empty when either version is not an entry.
    private static func changedFields(_ change: TreeChange, in repository: Repository) throws(GitError) -> [String] {
        guard let path = change.newPath, path.hasSuffix(".md"), let oldID = change.oldID, let newID = change.newID,
              oldID != newID else { return [] }
        guard let old = try? Note(parsing: try repository.blob(oldID), path: path),
              let new = try? Note(parsing: try repository.blob(newID), path: path) else { return [] }
        var keys: [String] = []
        let oldKeys = old.frontMatter?.keys ?? []
        for key in (new.frontMatter?.keys ?? []) + oldKeys where !keys.contains(key) {
            if old.frontMatter?[key] != new.frontMatter?[key] { keys.append(key) }
        }
        if old.body != new.body { keys.append("body") }
        return keys
    }

    /// A commit message for a set of changes made by `device`: one subject line that names the
    /// entry and fields when there is one change, counts otherwise, and one body line per change.
    static func message(device: String, _ changes: [ChangeDescription]) -> String {
        if changes.count == 1, let only = changes.first {
            return "\(device): \(only.line)\n"
        }
        var counts: [String: Int] = [:]
        for change in changes { counts[change.verb, default: 0] += 1 }
        let summary = ["edit", "add", "delete", "rename"].compactMap { verb in counts[verb].map { "\(verb) \($0)" } }
        let subject = "\(device): \(changes.count) files (\(summary.joined(separator: ", ")))"
        return subject + "\n\n" + changes.map(\.line).joined(separator: "\n") + "\n"
    }
}
