internal import GitKit

/// What one side changed relative to the merge base: the new version of every touched path, and
/// where renamed files went.
struct SideChanges {
    /// Path -> that side's version (deleted for removals and for the old name of a rename).
    var versions = PathMap<FileVersion>()
    /// Old path -> new path, for files the side renamed (with or without edits).
    var renames = PathMap<String>()
    /// New path -> old path: where a renamed file came from.
    var origins = PathMap<String>()

    init(_ changes: [TreeChange]) {
        for change in changes {
            switch change.status {
            case .deleted:
                if let old = change.oldPath { versions[old] = .deleted }
            case .renamed:
                if let old = change.oldPath { versions[old] = .deleted }
                if let new = change.newPath, let id = change.newID {
                    versions[new] = .content(id, mode: change.newMode ?? FileMode.blob)
                    if let old = change.oldPath {
                        renames[old] = new
                        origins[new] = old
                    }
                }
            default:
                if let new = change.newPath, let id = change.newID {
                    versions[new] = .content(id, mode: change.newMode ?? FileMode.blob)
                }
            }
        }
    }
}
