import Foundation
import GitKit
import NoteKit

extension NotebookHistory {
    /// The rename index brought up to HEAD (see ``RenameIndex``): loaded, extended with the
    /// commits HEAD reaches that it lacks, cut to those HEAD reaches, and written when it changed.
    /// Nil when the history has no index (none configured, no commit), or when it had to be
    /// written and could not be, or the history could not be read whole: the caller walks.
    /// Without `building`, an index that is missing or untrusted is left so (nil): building one
    /// costs a walk with rename detection over every commit, which a caller that reads only a
    /// few commits (`log -n`) should not pay.
    func renameGraph(building: Bool = true) -> RenameIndexGraph? {
        if let known = loadedRenameGraph { return known }
        guard !renameIndexUnavailable, let renameIndex, let head = try? repository.headCommitID() else { return nil }
        let loaded = RenameIndexGraph.load(renameIndex.path, version: renameIndex.version)
        if !building {
            guard case .loaded = loaded else { return nil }
        }
        var graph = RenameIndexGraph()
        if case .loaded(let found) = loaded { graph = found }
        if graph.tip == head {
            report(.used(commits: graph.count))
            loadedRenameGraph = graph
            return graph
        }
        // From here on the index is written: without a place to write it, walking costs less
        // than building it for one command.
        guard let draft = FrontMatterCacheDraft.begin(folder: renameIndex.folder.path, name: RenameIndex.fileName) else {
            report(.unavailable)
            return nil
        }
        var added = 0
        var dropped = 0
        if let position = graph.position(of: head) {
            // HEAD went back (a reset, a checkout): the commits after it are no longer reached.
            dropped = graph.keepReachable(from: position)
        } else {
            // The old tip may be gone from the repository (a reset, then a gc): then afresh.
            let hadCommits = graph.count > 0
            var fresh = try? extend(&graph, to: head)
            if fresh == nil, hadCommits {
                graph = RenameIndexGraph()
                fresh = try? extend(&graph, to: head)
            }
            guard let fresh, let position = graph.position(of: head) else {
                draft.abandon()
                report(.unavailable)
                return nil
            }
            added = fresh
            // A rewritten history: the old tip is not among what HEAD reaches.
            dropped = graph.keepReachable(from: position)
        }
        draft.commit(graph.serialize(version: renameIndex.version), to: renameIndex.path)
        switch loaded {
        case .missing: report(.built(commits: graph.count))
        case .untrusted: report(.rebuilt(commits: graph.count))
        case .loaded: report(.updated(commits: graph.count, added: added, dropped: dropped))
        }
        loadedRenameGraph = graph
        return graph
    }

    /// Adds the commits `head` reaches that `graph` lacks (all of them when it is empty), with the
    /// renames of each step to a parent; returns how many, or nil when a parent is missing from
    /// the repository (a shallow clone: the walk would fail there too).
    private func extend(_ graph: inout RenameIndexGraph, to head: ObjectID) throws(GitError) -> Int? {
        let fresh: [CommitNode]
        if let few = try freshNodes(from: head, missingFrom: graph) {
            fresh = few
        } else {
            graph.indexPositions()
            // Everything the old tip reaches is in the index already: the walk stops there.
            fresh = try repository.commitNodes(from: head, hiding: graph.tip.map { [$0] } ?? [])
        }
        for node in fresh.reversed() {
            var parents: [Int] = []
            var changes: [[TreeChange]] = []
            for parent in node.parentIDs {
                guard let position = graph.position(of: parent) else { return nil }
                parents.append(position)
                changes.append(try comparer.changes(from: graph.trees[position], to: node.treeID, detectRenames: true))
            }
            graph.append(node, parents: parents, changes: changes)
        }
        return fresh.count
    }

    /// The commits from `head` a walk reads, as ``Repository/commitNodes(from:hiding:)`` lists
    /// them: from the index when it is HEAD's (only the order from libgit2, which needs no commit
    /// read when the repository has a commit graph), with each one's position in it, else read
    /// one by one (and no index).
    func walkedNodes(from head: ObjectID, hiding hidden: [ObjectID]) throws(HistoryError) -> (nodes: [CommitNode], indexed: IndexedWalk?) {
        if let graph = renameGraph(), graph.tip == head, hidden.isEmpty, let positions = graph.walkOrder() {
            return (positions.map(graph.node), IndexedWalk(graph: graph, positions: positions))
        }
        if var graph = renameGraph(), graph.tip == head, let order = try? repository.commitIDs(from: head, hiding: hidden) {
            graph.indexPositions()
            var nodes: [CommitNode] = []
            var positions: [Int] = []
            nodes.reserveCapacity(order.count)
            positions.reserveCapacity(order.count)
            for id in order {
                guard let position = graph.position(of: id) else { break }
                nodes.append(graph.node(position))
                positions.append(position)
            }
            if nodes.count == order.count { return (nodes, IndexedWalk(graph: graph, positions: positions)) }
        }
        return (try git { () throws(GitError) in try repository.commitNodes(from: head, hiding: hidden) }, nil)
    }

    /// The positions of the commits HEAD (the index's tip) reaches, in the order of
    /// ``Repository/commitIDs(from:hiding:)``: computed from the index, else libgit2's.
    func walkOrder(of graph: RenameIndexGraph, from head: ObjectID) throws(HistoryError) -> [Int] {
        if let order = graph.walkOrder() { return order }
        var graph = graph
        graph.indexPositions()
        let order = try git { () throws(GitError) in try repository.commitIDs(from: head) }
        return order.compactMap(graph.position(of:))
    }

    /// Tells the observer what was done with the index.
    private func report(_ outcome: RenameIndexOutcome) {
        if outcome == .unavailable { renameIndexUnavailable = true }
        renameIndexObserver?(outcome)
    }

    /// The names the entry called `path` has in commit `target`, as the walk from HEAD hands them
    /// down; `.some(nil)` when HEAD does not reach it. Nil when there is no index to ask.
    func indexedNames(of path: String, at target: ObjectID) -> PathSet?? {
        guard let graph = renameGraph() else { return nil }
        guard let position = graph.position(of: target) else { return .some(nil) }
        return .some(graph.names(of: path, downTo: position)[position])
    }

    /// ``lastVersion(of:)`` from the index: the first commit in the walk's order that has one of
    /// the names it hands down there. The order is libgit2's, read without the commits; their
    /// trees come from the index. Nil when there is no index to ask.
    func indexedLastVersion(of path: String) throws(HistoryError) -> ObjectID?? {
        guard let graph = renameGraph(), let head = graph.tip else { return nil }
        let order = try walkOrder(of: graph, from: head)
        let names = graph.names(of: path)
        let lookup = TreePathLookup(repository: repository)
        for position in order {
            guard let here = names[position] else { continue }
            for name in here.sorted where try git({ () throws(GitError) in try lookup.entryID(path: name, inTree: graph.trees[position]) }) != nil {
                return .some(graph.ids[position])
            }
        }
        return .some(nil)
    }

    /// The version ``version(of:at:)`` finds for a time, from the index: the newest change to the
    /// entry made at or before `moment` (the first the walk meets among equally new ones), with
    /// the names it has there. `.some(nil)` when there is none; nil when there is no index to ask,
    /// or when two changes as new as each other leave the walk's order to decide.
    func indexedNewestChange(to path: String, atOrBefore moment: Date) throws(HistoryError) -> (node: CommitNode, names: PathSet)?? {
        guard let graph = renameGraph() else { return nil }
        let names = graph.names(of: path)
        let zone = TimeZone.current
        var candidates: [Int] = []
        for position in 0..<graph.count where names[position] != nil {
            let date = Date(timeIntervalSince1970: TimeInterval(graph.dates[position]))
            if Self.madeBy(at: date, offsetMinutes: Int(graph.offsets[position]), atOrBefore: moment, timeZone: zone) {
                candidates.append(position)
            }
        }
        // Newest first; the walk keeps the first it meets of the newest, so a tie is its to settle.
        candidates.sort { graph.dates[$0] > graph.dates[$1] }
        let lookup = TreePathLookup(repository: repository)
        var index = 0
        while index < candidates.count {
            let date = graph.dates[candidates[index]]
            var found: [(node: CommitNode, names: PathSet)] = []
            while index < candidates.count, graph.dates[candidates[index]] == date {
                let position = candidates[index]
                let node = graph.node(position)
                var trees: [ObjectID: ObjectID] = [:]
                for slot in graph.slots(of: position) { trees[graph.ids[graph.parents[slot]]] = graph.trees[graph.parents[slot]] }
                let (event, _) = try git { () throws(GitError) in
                    try step(node, names: names[position]!, trees: trees, lookup: lookup, describing: false,
                             known: graph.slots(of: position).map(graph.stepChanges.changes(slot:)))
                }
                if event != nil { found.append((node, names[position]!)) }
                index += 1
            }
            if found.count == 1 { return .some(found[0]) }
            if found.count > 1 { return nil }
        }
        return .some(nil)
    }
}
