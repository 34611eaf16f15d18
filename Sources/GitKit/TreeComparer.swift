internal import Clibgit2
import Foundation

/// The files that differ between two trees, for walks over many commits: the list
/// `Repository.treeChanges(from:to:detectRenames: false)` gives (added, deleted, modified and
/// type-changed files, a folder's files one by one, in path order), found by skipping every
/// subtree whose id is the same on both sides. The trees read are kept for a while, so a walk
/// whose commits each change one folder of their parent's tree reads each tree about once; and
/// no libgit2 diff is set up per pair, which costs more than the comparison itself when only a
/// file or two changed.
///
/// No renames: a caller that wants them asks libgit2 when both an addition and a deletion are
/// listed (without both, rename detection has nothing to pair, and the lists are the same).
package final class TreeComparer {
    private struct Item {
        let name: [UInt8]
        let id: ObjectID
        let mode: UInt32
        var isTree: Bool { mode == FileMode.tree }
    }

    private let repository: Repository
    private var trees: [ObjectID: [Item]] = [:]
    /// Trees kept at most; past it the cache starts over (a walk needs only the last few).
    private let capacity = 512

    /// A comparer over `repository`'s trees.
    package init(repository: Repository) {
        self.repository = repository
    }

    /// The files that differ from tree `old` (nil: the empty tree) to tree `new`.
    package func changes(from old: ObjectID?, to new: ObjectID) throws(GitError) -> [TreeChange] {
        var changes: [TreeChange] = []
        try compare(old, new, prefix: [], into: &changes)
        return changes
    }

    private func compare(_ old: ObjectID?, _ new: ObjectID?, prefix: [UInt8], into changes: inout [TreeChange]) throws(GitError) {
        if old == new { return }
        let before = try old.map { id throws(GitError) in try items(of: id) } ?? []
        let after = try new.map { id throws(GitError) in try items(of: id) } ?? []
        var i = 0
        var j = 0
        while i < before.count || j < after.count {
            let order = i == before.count ? 1 : j == after.count ? -1 : Self.order(before[i], after[j])
            if order < 0 {
                try gone(before[i], prefix: prefix, into: &changes)
                i += 1
            } else if order > 0 {
                try came(after[j], prefix: prefix, into: &changes)
                j += 1
            } else {
                let (a, b) = (before[i], after[j])
                i += 1
                j += 1
                if a.id == b.id && a.mode == b.mode { continue }
                if a.isTree {
                    try compare(a.id, b.id, prefix: prefix + a.name + [UInt8(ascii: "/")], into: &changes)
                    continue
                }
                let path = Self.path(prefix, a.name)
                // libgit2 with GIT_DIFF_INCLUDE_TYPECHANGE: another kind of entry (file, link,
                // submodule) is a type change; an executable bit alone is a modification.
                let sameKind = a.mode & 0o170000 == b.mode & 0o170000
                changes.append(TreeChange(status: sameKind ? .modified : .typeChanged, oldPath: path, newPath: path,
                                          oldID: a.id, newID: b.id, oldMode: a.mode, newMode: b.mode))
            }
        }
    }

    private func gone(_ item: Item, prefix: [UInt8], into changes: inout [TreeChange]) throws(GitError) {
        if item.isTree { return try compare(item.id, nil, prefix: prefix + item.name + [UInt8(ascii: "/")], into: &changes) }
        changes.append(TreeChange(status: .deleted, oldPath: Self.path(prefix, item.name), newPath: nil,
                                  oldID: item.id, newID: nil, oldMode: item.mode, newMode: nil))
    }

    private func came(_ item: Item, prefix: [UInt8], into changes: inout [TreeChange]) throws(GitError) {
        if item.isTree { return try compare(nil, item.id, prefix: prefix + item.name + [UInt8(ascii: "/")], into: &changes) }
        changes.append(TreeChange(status: .added, oldPath: nil, newPath: Self.path(prefix, item.name),
                                  oldID: nil, newID: item.id, oldMode: nil, newMode: item.mode))
    }

    /// Git's tree order: names byte by byte, a folder's name read with a `/` after it.
    private static func order(_ a: Item, _ b: Item) -> Int {
        let common = min(a.name.count, b.name.count)
        let compared = a.name.withUnsafeBufferPointer { x in
            b.name.withUnsafeBufferPointer { y in common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common) }
        }
        if compared != 0 { return Int(compared) }
        let next = { (item: Item) -> Int in
            item.name.count > common ? Int(item.name[common]) : item.isTree ? Int(UInt8(ascii: "/")) : 0
        }
        return next(a) - next(b)
    }

    /// The path as libgit2 hands it over (`String(cString:)`: invalid UTF-8 repaired alike).
    private static func path(_ prefix: [UInt8], _ name: [UInt8]) -> String {
        String(decoding: prefix + name, as: UTF8.self)
    }

    /// A tree's entries in stored (git) order (`git_tree_lookup`, `git_tree_entry_byindex`).
    private func items(of id: ObjectID) throws(GitError) -> [Item] {
        if let known = trees[id] { return known }
        var oid = id.oid
        var tree: OpaquePointer?
        let found = git_tree_lookup(&tree, repository.pointer, &oid)
        guard found == 0, let tree else { throw GitError.last(found, operation: "read tree \(id)") }
        defer { git_tree_free(tree) }
        let count = git_tree_entrycount(tree)
        var items: [Item] = []
        items.reserveCapacity(count)
        for index in 0..<count {
            guard let entry = git_tree_entry_byindex(tree, index), let name = git_tree_entry_name(entry) else { continue }
            items.append(Item(name: Array(UnsafeBufferPointer(start: UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self), count: strlen(name))),
                              id: ObjectID(git_tree_entry_id(entry)), mode: UInt32(git_tree_entry_filemode(entry).rawValue)))
        }
        if trees.count >= capacity { trees.removeAll(keepingCapacity: true) }
        trees[id] = items
        return items
    }
}
