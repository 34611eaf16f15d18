internal import GitKit

/// A file as one side of a merge has it: content with a mode, or deleted.
enum FileVersion: Hashable {
    case content(ObjectID, mode: UInt32)
    case deleted

    /// The blob, nil when deleted.
    var id: ObjectID? {
        if case .content(let id, _) = self { return id }
        return nil
    }

    /// Contents compare by blob id only: a mode change alone is not worth a merge.
    func sameContent(as other: FileVersion) -> Bool { id == other.id }
}
