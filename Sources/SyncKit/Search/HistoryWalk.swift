import GitKit
import NoteKit

/// The walk over the commits behind ``HistorySearch``, with the versions it has searched.
struct HistoryWalk {
    let repository: Repository
    let query: GrepQuery
    /// Matching lines by path and text, with the commits that added and removed them.
    private(set) var records: [String: [String: HistoryLineRecord]] = [:]
    /// Each searched version's matching lines by text, by blob and path.
    private(set) var versions: [ObjectID: [String: [String: GrepHit]]] = [:]
    private(set) var commits = 0
    private(set) var skippedVersions = 0

    init(repository: Repository, query: GrepQuery) {
        self.repository = repository
        self.query = query
    }

    /// Walks from the first commit to HEAD; returns the matching lines of HEAD's versions
    /// of the entries that have any, by path.
    mutating func run() throws(GitError) -> [String: [String: GrepHit]] {
        guard let head = try repository.headCommitID() else { return [:] }
        // Newest first and never a parent before its children: reversed, parents come first.
        for commit in try repository.log(from: head).reversed() {
            try visit(commit)
            commits += 1
        }
        var headLines: [String: [String: GrepHit]] = [:]
        for file in try repository.treeFiles(commit: head) where records[file.path] != nil {
            headLines[file.path] = try lines(of: file.id, path: file.path)
        }
        return headLines
    }

    private mutating func visit(_ commit: Commit) throws(GitError) {
        var diffs: [[String: TreeChange]] = []
        let parents: [ObjectID?] = commit.parentIDs.isEmpty ? [nil] : commit.parentIDs
        for parent in parents {
            var byPath: [String: TreeChange] = [:]
            for change in try repository.treeChanges(from: parent, to: commit.id, detectRenames: false) {
                for path in [change.oldPath, change.newPath].compactMap({ $0 }) where Self.isEntry(path) { byPath[path] = change }
            }
            diffs.append(byPath)
        }
        var paths = Set<String>()
        for diff in diffs { paths.formUnion(diff.keys) }
        let event = LineEvent(commit)
        for path in paths.sorted() {
            guard let change = diffs.lazy.compactMap({ $0[path] }).first else { continue }
            let version = Self.file(change, old: false, path: path)
            // A parent whose diff does not name the path had this commit's version.
            let parentVersions = diffs.map { diff in diff[path].map { Self.file($0, old: true, path: path) } ?? version }
            let now = try lines(of: version, path: path)
            var before: [[String: GrepHit]] = []
            for parentVersion in parentVersions { before.append(try lines(of: parentVersion, path: path)) }
            for (text, hit) in now {
                if records[path]?[text] == nil {
                    records[path, default: [:]][text] = HistoryLineRecord(added: nil, removed: nil, latest: hit)
                }
                if records[path]![text]!.added == nil && !before.contains(where: { $0[text] != nil }) {
                    records[path]![text]!.added = event
                }
                records[path]![text]!.latest = hit
            }
            for text in before[0].keys where now[text] == nil && before.allSatisfy({ $0[text] != nil }) {
                records[path]?[text]?.removed = event
            }
        }
    }

    /// The regular file at `path` on the old (parent's) or new side of a change; nil when the
    /// path holds no regular file there (absent, a link, a submodule) or the change is about its
    /// other path.
    private static func file(_ change: TreeChange, old: Bool, path: String) -> ObjectID? {
        let (changePath, id, mode) = old ? (change.oldPath, change.oldID, change.oldMode) : (change.newPath, change.newID, change.newMode)
        guard changePath == path, mode == FileMode.blob || mode == FileMode.executable else { return nil }
        return id
    }

    /// The matching lines of one version, by text, searched once per blob and path.
    private mutating func lines(of id: ObjectID?, path: String) throws(GitError) -> [String: GrepHit] {
        guard let id else { return [:] }
        if let known = versions[id]?[path] { return known }
        let data = try repository.blob(id)
        let result = data.withUnsafeBytes { query.search($0.bindMemory(to: UInt8.self), path: path) }
        var byText: [String: GrepHit] = [:]
        switch result {
        case .searched(let hits, _):
            // The same text twice in one version is one line; the first occurrence stands for it.
            for hit in hits where byText[hit.text] == nil { byText[hit.text] = hit }
        case .binary, .unreadable:
            skippedVersions += 1
        case .filteredOut:
            break
        }
        versions[id, default: [:]][path] = byText
        return byText
    }

    /// Whether a path in a tree is an entry: a `.md` file outside hidden folders, as
    /// ``Notebook/entryPaths()`` lists them.
    static func isEntry(_ path: String) -> Bool {
        path.hasSuffix(".md") && !path.split(separator: "/").contains { $0.hasPrefix(".") }
    }
}
