import GitKit

extension NotebookHistory {
    /// How many commits past the rename index ``freshNodes(from:missingFrom:)`` reads one by one
    /// before leaving the rest to libgit2's walk.
    static let freshNodesLimit = 64

    /// The commits `head` reaches that `graph` lacks, children before parents as
    /// ``Repository/commitNodes(from:hiding:)`` lists them, read from `head`
    /// down to the commits the index holds (it holds every ancestor of each commit it holds, so
    /// what lies below one needs no look). For the usual update (a sync or a restore made a few
    /// commits since the last history command) that spares the walk with the old tip hidden and
    /// the lookup table of every commit in the index. Nil for an empty index, one whose tip is not
    /// in the repository, or when more than ``freshNodesLimit`` commits are missing (the caller
    /// walks then).
    func freshNodes(from head: ObjectID, missingFrom graph: RenameIndexGraph) throws(GitError) -> [CommitNode]? {
        // A tip gone from the repository (a reset, then a gc) makes the caller build afresh.
        guard let tip = graph.tip, (try? repository.commitNode(tip)) != nil else { return nil }
        var read: [ObjectID: CommitNode] = [:]
        var ordered: [CommitNode] = []
        // Depth first; a commit is listed once all of its parents are (`expanded`), then the list
        // is turned around.
        var stack: [(id: ObjectID, expanded: Bool)] = [(head, false)]
        while let (id, expanded) = stack.popLast() {
            if expanded {
                if let node = read[id] { ordered.append(node) }
                continue
            }
            guard read[id] == nil, graph.position(of: id) == nil else { continue }
            guard read.count < Self.freshNodesLimit else { return nil }
            let node = try repository.commitNode(id)
            read[id] = node
            stack.append((id, true))
            for parent in node.parentIDs.reversed() where read[parent] == nil { stack.append((parent, false)) }
        }
        return ordered.reversed()
    }
}
