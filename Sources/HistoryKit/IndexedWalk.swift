import GitKit
import MergeKit

/// A walk's commits as the rename index holds them (see ``RenameIndexGraph``): which of them
/// certainly left an entry's names alone, so that following the entry needs none of their trees.
struct IndexedWalk {
    let graph: RenameIndexGraph
    /// The index position of each commit of the walk, in its order.
    let positions: [Int]
    /// The names last asked about, with the hashes to look for: they change only at a rename.
    private var names = PathSet()
    private var hashes: [UInt32] = [RenameIndexGraph.pathHash(ConflictRecord.folder)]

    init(graph: RenameIndexGraph, positions: [Int]) {
        self.graph = graph
        self.positions = positions
    }

    /// The changes of each step from the walk's commit number `offset` to its parents, in order.
    func changes(at offset: Int) -> [[TreeChange]] {
        graph.slots(of: positions[offset]).map(graph.stepChanges.changes(slot:))
    }

    /// Whether the walk's commit number `offset` changed, against every parent, none of `names`
    /// and nothing under `.hearth/conflicts`: then it has no event for the entry and hands each
    /// parent the same names (see `NotebookHistory.step`). False for a commit without parents.
    mutating func leavesAlone(_ names: PathSet, at offset: Int) -> Bool {
        let position = positions[offset]
        let slots = graph.slots(of: position)
        guard !slots.isEmpty else { return false }
        if names != self.names {
            self.names = names
            hashes = [RenameIndexGraph.pathHash(ConflictRecord.folder)] + names.sorted.map(RenameIndexGraph.pathHash)
        }
        return slots.allSatisfy { !graph.changed(slot: $0, anyOf: hashes) }
    }
}
