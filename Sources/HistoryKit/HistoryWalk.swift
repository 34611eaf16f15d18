import GitKit
import NoteKit

/// The walk over the commits behind ``HistorySearch``, with the versions it has searched.
struct HistoryWalk {
    let repository: Repository
    let query: GrepQuery
    /// Matching lines by path and text, with the commits that added and removed them.
    private(set) var records: [String: [String: HistoryLineRecord]] = [:]
    /// Each searched version's matching line texts, by blob and path: all that later commits
    /// need of it (whether it has a line), far smaller than its hits.
    private(set) var versions: [ObjectID: [String: Set<String>]] = [:]
    /// HEAD's entries by path, with their blobs, once the walk is done.
    private(set) var headFiles: [String: ObjectID] = [:]
    private(set) var commits = 0
    private(set) var skippedVersions = 0
    /// Each commit's tree, so a parent's is at hand without reading the parent again.
    private var trees: [ObjectID: ObjectID] = [:]
    private let comparer: TreeComparer
    /// The rename index for HEAD, when there is one: the commits' order, parents and trees
    /// without reading a commit, and each step's changes without reading a tree.
    private let graph: RenameIndexGraph?

    init(repository: Repository, query: GrepQuery, graph: RenameIndexGraph? = nil) {
        self.repository = repository
        self.query = query
        self.comparer = TreeComparer(repository: repository)
        self.graph = graph
    }

    /// Walks from the first commit to HEAD; returns the matching line texts of HEAD's versions
    /// of the entries that have any, by path.
    mutating func run() throws(GitError) -> [String: Set<String>] {
        guard let head = try repository.headCommitID() else { return [:] }
        if let graph, graph.tip == head, let order = graph.walkOrder() {
            // The walk's order reversed, as below; a commit is read only for an event it makes.
            let repository = repository
            for position in order.reversed() {
                let node = graph.node(position)
                let steps = graph.slots(of: position).map(graph.stepChanges.changes(slot:))
                var event: LineEvent?
                try visit(node.id, tree: node.treeID, parents: node.parentIDs, parentTrees: [:], changes: steps) { () throws(GitError) in
                    if let event { return event }
                    let made = LineEvent(try repository.commit(node.id))
                    event = made
                    return made
                }
                commits += 1
            }
        } else {
            // Newest first and never a parent before its children: reversed, parents come first.
            let log = try repository.log(from: head)
            trees.reserveCapacity(log.count)
            for commit in log { trees[commit.id] = commit.treeID }
            for commit in log.reversed() {
                let event = LineEvent(commit)
                try visit(commit.id, tree: commit.treeID, parents: commit.parentIDs, parentTrees: trees, changes: nil) { () throws(GitError) in event }
                commits += 1
            }
        }
        var headLines: [String: Set<String>] = [:]
        for file in try repository.treeFiles(commit: head) where NotebookLayout.isEntryPath(file.path) {
            headFiles[file.path] = file.id
            if records[file.path] != nil { headLines[file.path] = try texts(of: (file.id, file.path)) }
        }
        return headLines
    }

    /// One commit: its changes against each parent (`knownChanges`, when given, are each step's,
    /// as the rename index keeps them), and what they do to the records; `event` tells the
    /// commit, read only when a record needs it.
    private mutating func visit(_ commit: ObjectID, tree: ObjectID, parents parentIDs: [ObjectID], parentTrees: [ObjectID: ObjectID],
                                changes knownChanges: [[TreeChange]]?, event: () throws(GitError) -> LineEvent) throws(GitError) {
        // Each parent's changes by the path they leave in this commit, and by the path they had
        // in the parent (a deletion or a rename away has only that one).
        var arriving: [[String: TreeChange]] = []
        var leaving: [[String: TreeChange]] = []
        var renames: [(from: String, to: String)] = []
        let parents: [ObjectID?] = parentIDs.isEmpty ? [nil] : parentIDs
        for (index, parent) in parents.enumerated() {
            var byNew: [String: TreeChange] = [:]
            var byOld: [String: TreeChange] = [:]
            // A first commit has nothing to rename from (and no step in the index): its files.
            let stepChanges: [TreeChange]
            if parent == nil {
                stepChanges = try comparer.changes(from: nil, to: tree)
            } else if let known = knownChanges?[index] {
                stepChanges = known
            } else {
                stepChanges = try changes(from: parent, to: tree, trees: parentTrees)
            }
            for change in stepChanges {
                if let new = change.newPath, NotebookLayout.isEntryPath(new) { byNew[new] = change }
                if let old = change.oldPath, NotebookLayout.isEntryPath(old) { byOld[old] = change }
                if change.status == .renamed, let from = change.oldPath, let to = change.newPath, NotebookLayout.isEntryPath(from), NotebookLayout.isEntryPath(to) {
                    renames.append((from, to))
                }
            }
            arriving.append(byNew)
            leaving.append(byOld)
        }
        // An entry moved (against any parent, so on either side of a merge) takes its lines'
        // records to its new name: they keep who first wrote them, and the old name loses nothing.
        var movedAway = Set<String>()
        for (from, to) in renames where from != to {
            movedAway.insert(from)
            HistoryLineRecord.move(&records, from: from, to: to)
        }
        var paths = Set<String>()
        for index in parents.indices { paths.formUnion(arriving[index].keys); paths.formUnion(leaving[index].keys) }
        for path in paths.sorted() {
            // The version here: absent unless some parent's changes arrive at this path.
            let arrival = arriving.lazy.compactMap { $0[path] }.first
            if arrival == nil && movedAway.contains(path) { continue }
            let version = arrival.flatMap { Self.file($0, old: false) }
            // Each parent's version of this entry: under its old name when it was renamed here,
            // none when it was added here; a parent whose changes do not name the path had this
            // commit's version.
            var parentVersions: [(ObjectID, String)?] = []
            for index in parents.indices {
                if let change = arriving[index][path] {
                    // A file that was no entry (a .txt renamed to .md) brings no lines' records.
                    parentVersions.append(change.oldPath.map(NotebookLayout.isEntryPath) == true ? Self.file(change, old: true) : nil)
                } else if let change = leaving[index][path] {
                    parentVersions.append(Self.file(change, old: true))
                } else {
                    parentVersions.append(version)
                }
            }
            let now = try hits(of: version)
            var before: [Set<String>] = []
            for parentVersion in parentVersions { before.append(try texts(of: parentVersion)) }
            for (text, hit) in now {
                if records[path]?[text] == nil {
                    records[path, default: [:]][text] = HistoryLineRecord(added: nil, removed: nil, latest: hit)
                }
                if records[path]![text]!.added == nil && !before.contains(where: { $0.contains(text) }) {
                    records[path]![text]!.added = try event()
                }
                records[path]![text]!.latest = hit
            }
            for text in before[0] where now[text] == nil && before.allSatisfy({ $0.contains(text) }) {
                guard records[path]?[text] != nil else { continue }
                records[path]![text]!.removed = try event()
                records[path]![text]!.removedWithEntry = version == nil
            }
        }
    }

    /// What changed from a parent (nil: none) to a commit's tree, renames found as libgit2
    /// finds them.
    private func changes(from parent: ObjectID?, to tree: ObjectID, trees: [ObjectID: ObjectID]) throws(GitError) -> [TreeChange] {
        var parentTree: ObjectID?
        if let parent { parentTree = trees[parent]; if parentTree == nil { parentTree = try repository.treeID(ofCommit: parent) } }
        return try comparer.changes(from: parentTree, to: tree, detectRenames: true)
    }

    /// The records, handed over: the walk keeps neither them nor its versions (count those first).
    mutating func takeRecords() -> [String: [String: HistoryLineRecord]] {
        let taken = records
        records = [:]
        versions = [:]
        return taken
    }

    /// The regular file on the old (parent's) or new side of a change, with its path there; nil
    /// when that side holds no regular file (absent, a link, a submodule).
    private static func file(_ change: TreeChange, old: Bool) -> (ObjectID, String)? {
        let (changePath, id, mode) = old ? (change.oldPath, change.oldID, change.oldMode) : (change.newPath, change.newID, change.newMode)
        guard let changePath, let id, mode == FileMode.blob || mode == FileMode.executable else { return nil }
        return (id, changePath)
    }

    /// The matching lines of one version, by text. A version already searched is searched
    /// again only when it has lines (it came back, as when a line is written again): only its
    /// texts are kept.
    private mutating func hits(of version: (ObjectID, String)?) throws(GitError) -> [String: GrepHit] {
        guard let (id, path) = version, versions[id]?[path]?.isEmpty != true else { return [:] }
        return try search(id, path: path)
    }

    /// The texts of the matching lines of one version, searched once per blob and path.
    private mutating func texts(of version: (ObjectID, String)?) throws(GitError) -> Set<String> {
        guard let (id, path) = version else { return [] }
        if let known = versions[id]?[path] { return known }
        return Set(try search(id, path: path).keys)
    }

    /// Searches a version and keeps its texts.
    private mutating func search(_ id: ObjectID, path: String) throws(GitError) -> [String: GrepHit] {
        let data = try repository.blob(id)
        let result = data.withUnsafeBytes { query.search($0.bindMemory(to: UInt8.self), path: path) }
        let known = versions[id]?[path] != nil
        var byText: [String: GrepHit] = [:]
        switch result {
        case .searched(let hits, _):
            // The same text twice in one version is one line; the first occurrence stands for it.
            for hit in hits where byText[hit.text] == nil { byText[hit.text] = hit }
        case .binary, .unreadable:
            if !known { skippedVersions += 1 }
        case .filteredOut:
            break
        }
        if !known { versions[id, default: [:]][path] = Set(byText.keys) }
        return byText
    }
}
