import Foundation
internal import GitKit
import NoteKit

extension Repository {
    /// Puts every editor artefact (``EditorArtefact``) staged in the index back as HEAD has it, or
    /// out of the index when HEAD lacks it, leaving the files alone: ``Repository/stageAll()``
    /// follows `.gitignore` only, and a notebook's `.gitignore` may lack the patterns, or a
    /// nested one undo them.
    func unstageEditorArtefacts() throws(GitError) {
        let staged: StatusFlags = [.indexNew, .indexModified, .indexDeleted, .indexRenamed, .indexTypeChange]
        let paths = try status(refreshingIndex: false)
            .filter { !$0.flags.isDisjoint(with: staged) }
            .flatMap { [$0.path] + ($0.oldPath.map { [$0] } ?? []) }
            .filter { EditorArtefact.isArtefact(path: $0) }
        guard !paths.isEmpty else { return }
        let headTree = try headCommitID().map { id throws(GitError) in try commit(id).treeID }
        var updates: [IndexUpdate] = []
        for path in paths {
            if let headTree, let (id, mode) = try treeEntry(path: path, inTree: headTree) {
                updates.append(.set(path: path, id: id, mode: mode))
            } else {
                updates.append(.remove(path: path))
            }
        }
        try updateIndex(updates)
    }
}
