internal import Clibgit2
import Foundation

/// The files that differ between two trees, for walks over many commits: the list
/// `Repository.treeChanges(from:to:detectRenames: false)` gives (added, deleted, modified and
/// type-changed files, a folder's files one by one, in path order), found by skipping every
/// subtree whose id is the same on both sides. The trees read are kept for a while, so a walk
/// whose commits each change one folder of their parent's tree reads each tree about once; and
/// no libgit2 diff is set up per pair, which costs more than the comparison itself when only a
/// file or two changed.
package final class TreeComparer {
    private let repository: Repository
    /// The trees read lately, as libgit2 holds them (entries compared in place, nothing copied),
    /// in two generations: a walk needs the last few, and a tree used again moves to the newer.
    private var current: [ObjectID: OpaquePointer] = [:]
    private var previous: [ObjectID: OpaquePointer] = [:]
    /// Trees in the newer generation before it becomes the older one (checked between
    /// comparisons only, so no tree is freed while a comparison walks it).
    private let generation = 256

    /// A comparer over `repository`'s trees.
    package init(repository: Repository) {
        self.repository = repository
    }

    deinit {
        for tree in current.values { git_tree_free(tree) }
        for tree in previous.values { git_tree_free(tree) }
    }

    /// `Repository.treeChanges(from:to:detectRenames:)`'s list. With renames, libgit2 is asked
    /// only when the comparison lists both an addition and a deletion: without both, rename
    /// detection has nothing to pair and the lists are the same.
    package func changes(from old: ObjectID?, to new: ObjectID, detectRenames: Bool) throws(GitError) -> [TreeChange] {
        let plain = try changes(from: old, to: new)
        guard detectRenames, plain.contains(where: { $0.status == .added }), plain.contains(where: { $0.status == .deleted }) else { return plain }
        return try repository.treeChanges(from: old, to: new, detectRenames: true)
    }

    /// The files that differ from tree `old` (nil: the empty tree) to tree `new`.
    package func changes(from old: ObjectID?, to new: ObjectID) throws(GitError) -> [TreeChange] {
        if current.count >= generation {
            for tree in previous.values { git_tree_free(tree) }
            previous = current
            current = [:]
        }
        var changes: [TreeChange] = []
        try compare(old, new, prefix: [], into: &changes)
        return changes
    }

    private func compare(_ old: ObjectID?, _ new: ObjectID?, prefix: [UInt8], into changes: inout [TreeChange]) throws(GitError) {
        if old == new { return }
        let before = try old.map { id throws(GitError) in try tree(id) }
        let after = try new.map { id throws(GitError) in try tree(id) }
        let beforeCount = before.map { git_tree_entrycount($0) } ?? 0
        let afterCount = after.map { git_tree_entrycount($0) } ?? 0
        var i = 0
        var j = 0
        while i < beforeCount || j < afterCount {
            let a = i < beforeCount ? git_tree_entry_byindex(before, i) : nil
            let b = j < afterCount ? git_tree_entry_byindex(after, j) : nil
            guard a != nil || b != nil else { break }
            let order = a == nil ? 1 : b == nil ? -1 : Self.order(a!, b!)
            if order < 0 {
                try gone(a!, prefix: prefix, into: &changes)
                i += 1
            } else if order > 0 {
                try came(b!, prefix: prefix, into: &changes)
                j += 1
            } else {
                let (a, b) = (a!, b!)
                i += 1
                j += 1
                let (modeA, modeB) = (Self.mode(a), Self.mode(b))
                if git_oid_cmp(git_tree_entry_id(a), git_tree_entry_id(b)) == 0 && modeA == modeB { continue }
                if modeA == FileMode.tree {
                    try compare(ObjectID(git_tree_entry_id(a)), ObjectID(git_tree_entry_id(b)), prefix: Self.folder(prefix, a), into: &changes)
                    continue
                }
                let path = Self.path(prefix, a)
                // libgit2 with GIT_DIFF_INCLUDE_TYPECHANGE: another kind of entry (file, link,
                // submodule) is a type change; an executable bit alone is a modification.
                let sameKind = modeA & 0o170000 == modeB & 0o170000
                changes.append(TreeChange(status: sameKind ? .modified : .typeChanged, oldPath: path, newPath: path,
                                          oldID: ObjectID(git_tree_entry_id(a)), newID: ObjectID(git_tree_entry_id(b)),
                                          oldMode: modeA, newMode: modeB))
            }
        }
    }

    private func gone(_ entry: OpaquePointer, prefix: [UInt8], into changes: inout [TreeChange]) throws(GitError) {
        let mode = Self.mode(entry)
        if mode == FileMode.tree { return try compare(ObjectID(git_tree_entry_id(entry)), nil, prefix: Self.folder(prefix, entry), into: &changes) }
        changes.append(TreeChange(status: .deleted, oldPath: Self.path(prefix, entry), newPath: nil,
                                  oldID: ObjectID(git_tree_entry_id(entry)), newID: nil, oldMode: mode, newMode: nil))
    }

    private func came(_ entry: OpaquePointer, prefix: [UInt8], into changes: inout [TreeChange]) throws(GitError) {
        let mode = Self.mode(entry)
        if mode == FileMode.tree { return try compare(nil, ObjectID(git_tree_entry_id(entry)), prefix: Self.folder(prefix, entry), into: &changes) }
        changes.append(TreeChange(status: .added, oldPath: nil, newPath: Self.path(prefix, entry),
                                  oldID: nil, newID: ObjectID(git_tree_entry_id(entry)), oldMode: nil, newMode: mode))
    }

    private static func mode(_ entry: OpaquePointer) -> UInt32 {
        UInt32(git_tree_entry_filemode(entry).rawValue)
    }

    /// Git's tree order: names byte by byte, a folder's name read with a `/` after it.
    private static func order(_ a: OpaquePointer, _ b: OpaquePointer) -> Int {
        let (nameA, nameB) = (git_tree_entry_name(a)!, git_tree_entry_name(b)!)
        let (lengthA, lengthB) = (strlen(nameA), strlen(nameB))
        let common = min(lengthA, lengthB)
        let compared = memcmp(nameA, nameB, common)
        if compared != 0 { return Int(compared) }
        func next(_ name: UnsafePointer<CChar>, _ length: Int, _ entry: OpaquePointer) -> Int {
            length > common ? Int(UInt8(bitPattern: name[common])) : mode(entry) == FileMode.tree ? Int(UInt8(ascii: "/")) : 0
        }
        return next(nameA, lengthA, a) - next(nameB, lengthB, b)
    }

    private static func name(_ entry: OpaquePointer) -> UnsafeBufferPointer<UInt8> {
        let name = git_tree_entry_name(entry)!
        return UnsafeBufferPointer(start: UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self), count: strlen(name))
    }

    private static func folder(_ prefix: [UInt8], _ entry: OpaquePointer) -> [UInt8] {
        prefix + name(entry) + [UInt8(ascii: "/")]
    }

    /// The path as libgit2 hands it over (`String(cString:)`: invalid UTF-8 repaired alike).
    private static func path(_ prefix: [UInt8], _ entry: OpaquePointer) -> String {
        String(decoding: prefix + name(entry), as: UTF8.self)
    }

    /// A tree as libgit2 reads it (`git_tree_lookup`), kept for the comparisons to come.
    private func tree(_ id: ObjectID) throws(GitError) -> OpaquePointer {
        if let known = current[id] { return known }
        if let known = previous.removeValue(forKey: id) {
            current[id] = known
            return known
        }
        var oid = id.oid
        var tree: OpaquePointer?
        let found = git_tree_lookup(&tree, repository.pointer, &oid)
        guard found == 0, let tree else { throw GitError.last(found, operation: "read tree \(id)") }
        current[id] = tree
        return tree
    }
}
