import Foundation
import GitKit
import MergeKit
import NoteKit

/// The rename index's content (see ``RenameIndex``): the commits reachable from ``tip``, parents
/// always before their children, each with its tree, time and parents (by position), the
/// rename pairs of each commit-parent step that has any, and the hashes of the paths each step
/// changed (so that following an entry reads no tree of a commit that left its names alone), and
/// each step's whole tree diff (so that the history commands read no tree at all).
///
/// File layout (little-endian): the magic `HRTHREN\n`, the format version (`u32`), the hearth
/// version (`u32` length + UTF-8), the checksum (`u64`) of everything after it, then the body:
/// the commit count (`u32`); per commit its id and tree id (20 bytes each), time (`i64` seconds),
/// UTC offset (`i32` minutes), parent count (`u32`) and parents (`u32` positions, each smaller
/// than its own); then the count of steps with renames (`u32`) and per step the parent slot
/// (`u32`: the place of that parent in the list of all commits' parents, in order), the pair count
/// (`u32`) and the pairs (old and new path, `u32` length + UTF-8 each), in the order libgit2
/// listed them; then per slot, in order, the count (`u32`) and the sorted ``pathHash(_:)`` of
/// each path the step changed (`u32` each; old and new path of a rename; for a change under
/// `.hearth/conflicts/`, the folder's too); then each step's changes (see ``StepChanges``). The
/// tip is the last commit.
struct RenameIndexGraph {
    /// One rename a step found: the path a file had in the parent and the one it has in the commit.
    struct Rename: Equatable {
        var old: String
        var new: String
    }

    static let magic: [UInt8] = Array("HRTHREN\n".utf8)
    /// Raise it with any change to this layout.
    static let formatVersion: UInt32 = 3

    private(set) var ids: [ObjectID] = []
    private(set) var trees: [ObjectID] = []
    private(set) var dates: [Int64] = []
    private(set) var offsets: [Int32] = []
    /// The parents of commit `i` are `parents[parentStarts[i]..<parentStarts[i + 1]]`; a parent's
    /// place in `parents` is its slot.
    private(set) var parentStarts: [Int] = [0]
    private(set) var parents: [Int] = []
    /// The renames of each step that has any, by slot.
    private(set) var renames: [Int: [Rename]] = [:]
    /// The hashes of the paths step (slot) `i` changed, sorted, are
    /// `changedPaths[changedStarts[i]..<changedStarts[i + 1]]`.
    private(set) var changedStarts: [Int] = [0]
    private(set) var changedPaths: [UInt32] = []
    /// Each step's tree diff with renames, by slot.
    private(set) var stepChanges = StepChanges()
    /// Commit positions by id (built when first asked).
    private var positions: [ObjectID: Int]?

    var count: Int { ids.count }

    /// The commit it was written for: the newest, which reaches every other.
    var tip: ObjectID? { ids.last }

    /// The position of commit `id`, nil when the index lacks it: a scan, until ``indexPositions()``.
    func position(of id: ObjectID) -> Int? {
        positions.map { $0[id] } ?? ids.lastIndex(of: id)
    }

    /// Makes ``position(of:)`` a lookup, for a caller that asks for many commits.
    mutating func indexPositions() {
        guard positions == nil else { return }
        var built: [ObjectID: Int] = [:]
        built.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() { built[id] = position }
        positions = built
    }

    /// The parents' slots of commit `position`.
    func slots(of position: Int) -> Range<Int> {
        parentStarts[position]..<parentStarts[position + 1]
    }

    /// Commit `position` as a walk reads it.
    func node(_ position: Int) -> CommitNode {
        CommitNode(id: ids[position], treeID: trees[position], parentIDs: slots(of: position).map { ids[parents[$0]] },
                   date: Date(timeIntervalSince1970: TimeInterval(dates[position])), timeZoneOffsetMinutes: Int(offsets[position]))
    }

    /// Adds a commit whose parents are all in the index already, with each step's tree diff
    /// with renames (`TreeComparer.changes(from:to:detectRenames: true)`), in parent order.
    mutating func append(_ node: CommitNode, parents parentPositions: [Int], changes: [[TreeChange]]) {
        for (offset, step) in changes.enumerated() {
            let found = NotebookHistory.renames(in: step)
            if !found.isEmpty { renames[parents.count + offset] = found }
            changedPaths.append(contentsOf: Self.changedHashes(step))
            changedStarts.append(changedPaths.count)
            stepChanges.append(step)
        }
        positions?[node.id] = ids.count
        ids.append(node.id)
        trees.append(node.treeID)
        dates.append(Int64(node.date.timeIntervalSince1970))
        offsets.append(Int32(node.timeZoneOffsetMinutes))
        parents.append(contentsOf: parentPositions)
        parentStarts.append(parents.count)
    }

    /// Keeps only commit `position` and the commits it reaches, so that it becomes the tip; returns
    /// how many were dropped.
    mutating func keepReachable(from position: Int) -> Int {
        var reached = [Bool](repeating: false, count: count)
        reached[position] = true
        for commit in stride(from: position, through: 0, by: -1) where reached[commit] {
            for slot in slots(of: commit) { reached[parents[slot]] = true }
        }
        guard reached.contains(false) else { return 0 }
        var pruned = RenameIndexGraph()
        var newPosition = [Int](repeating: -1, count: count)
        for commit in 0..<count where reached[commit] {
            newPosition[commit] = pruned.count
            pruned.append(node(commit), parents: slots(of: commit).map { newPosition[parents[$0]] },
                          changes: slots(of: commit).map(stepChanges.changes(slot:)))
        }
        let dropped = count - pruned.count
        self = pruned
        return dropped
    }

    /// The hashes a step records for its changes (see ``changed(slot:anyOf:)``): each path's,
    /// old and new, and the conflict records' folder's when a path under it changed.
    static func changedHashes(_ changes: [TreeChange]) -> [UInt32] {
        var hashes = Set<UInt32>()
        for change in changes {
            for path in [change.oldPath, change.newPath].compactMap({ $0 }) {
                hashes.insert(pathHash(path))
                if path.hasPrefix(ConflictRecord.folder + "/") { hashes.insert(pathHash(ConflictRecord.folder)) }
            }
        }
        return hashes.sorted()
    }

    /// Whether step `slot` may have changed any of the paths whose ``pathHash(_:)`` is in
    /// `hashes`: false only when it certainly changed none (a hash shared by two paths can only
    /// make it answer true).
    func changed(slot: Int, anyOf hashes: [UInt32]) -> Bool {
        let changed = changedPaths[changedStarts[slot]..<changedStarts[slot + 1]]
        return hashes.contains { changed.contains($0) }
    }

    /// A path's 32-bit FNV-1a hash, its bytes as git stores them.
    static func pathHash(_ path: String) -> UInt32 {
        var hash: UInt32 = 0x811c_9dc5
        for byte in path.utf8 {
            hash ^= UInt32(byte)
            hash &*= 0x0100_0193
        }
        return hash
    }

    /// The names the entry called `path` at the tip has in each commit from `start` (the tip's
    /// position when nil) down to `stop`, as the walk from the tip hands them down (see
    /// `NotebookHistory.walk`): a commit's names go to each parent, with each rename of that step
    /// whose new name is among them swapped for its old name; a commit gets the union of what its
    /// children hand it. Nil for a commit the start does not reach.
    func names(of path: String, downTo stop: Int = 0) -> [PathSet?] {
        var names = [PathSet?](repeating: nil, count: count)
        guard count > 0 else { return names }
        names[count - 1] = PathSet([path])
        // Most steps hand the same names down: only a rename or a merge of two sets makes a new one.
        for commit in stride(from: count - 1, through: max(stop, 0), by: -1) {
            guard let here = names[commit] else { continue }
            for slot in slots(of: commit) {
                let handed = renames[slot].map { NotebookHistory.renamedBack(here, by: $0) } ?? here
                let parent = parents[slot]
                if names[parent] == nil {
                    names[parent] = handed
                } else if names[parent] != handed {
                    names[parent]!.formUnion(handed)
                }
            }
        }
        return names
    }

    /// The index as its file holds it.
    func serialize(version: String) -> [UInt8] {
        var body = CacheByteWriter(capacity: count * 72 + changedPaths.count * 4 + parents.count * 8 + 64)
        // The integers are written here, not through the writer: its integer writes stay generic
        // across modules (as `RenameIndexReader` says of the reads).
        func put<Value: FixedWidthInteger>(_ value: Value) {
            withUnsafeBytes(of: value.littleEndian) { body.bytes.append(contentsOf: $0) }
        }
        put(UInt32(count))
        for commit in 0..<count {
            ids[commit].appendBytes(to: &body.bytes)
            trees[commit].appendBytes(to: &body.bytes)
            put(dates[commit])
            put(offsets[commit])
            put(UInt32(slots(of: commit).count))
            for slot in slots(of: commit) { put(UInt32(parents[slot])) }
        }
        put(UInt32(renames.count))
        for slot in renames.keys.sorted() {
            put(UInt32(slot))
            put(UInt32(renames[slot]!.count))
            for rename in renames[slot]! {
                body.string(rename.old)
                body.string(rename.new)
            }
        }
        for slot in 0..<parents.count {
            put(UInt32(changedStarts[slot + 1] - changedStarts[slot]))
            for hash in changedPaths[changedStarts[slot]..<changedStarts[slot + 1]] { put(hash) }
        }
        stepChanges.serialize(into: &body.bytes)
        return CacheByteWriter.file(magic: Self.magic, formatVersion: Self.formatVersion, version: version, body: body.bytes)
    }

    /// Reads the index at `path`. `.missing` when there is no file; `.untrusted` when it is
    /// damaged, another version's, or holds anything but commits listed after their parents.
    static func load(_ path: String, version: String) -> Loaded {
        guard let data = FileManager.default.contents(atPath: path) else {
            return FileManager.default.fileExists(atPath: path) ? .untrusted : .missing
        }
        return data.withUnsafeBytes { parse($0, version: version) }.map(Loaded.loaded) ?? .untrusted
    }

    /// What ``load(_:version:)`` found.
    enum Loaded {
        case missing
        case untrusted
        case loaded(RenameIndexGraph)
    }

    private static func parse(_ data: UnsafeRawBufferPointer, version: String) -> RenameIndexGraph? {
        var header = CacheByteReader(data)
        guard header.header(magic: Self.magic, formatVersion: Self.formatVersion, version: version) else { return nil }
        var reader = RenameIndexReader(data, at: header.offset)
        guard let count = reader.integer(UInt32.self), Int(count) <= data.count else { return nil }
        var graph = RenameIndexGraph()
        graph.ids.reserveCapacity(Int(count))
        graph.trees.reserveCapacity(Int(count))
        graph.dates.reserveCapacity(Int(count))
        graph.offsets.reserveCapacity(Int(count))
        graph.parentStarts.reserveCapacity(Int(count) + 1)
        graph.parents.reserveCapacity(Int(count) + Int(count) / 8)
        for position in 0..<Int(count) {
            guard let id = reader.objectID(), let tree = reader.objectID(),
                  let date = reader.integer(Int64.self), let offset = reader.integer(Int32.self),
                  let parentCount = reader.integer(UInt32.self), Int(parentCount) <= data.count else { return nil }
            graph.ids.append(id)
            graph.trees.append(tree)
            graph.dates.append(date)
            graph.offsets.append(offset)
            for _ in 0..<parentCount {
                guard let parent = reader.integer(UInt32.self), Int(parent) < position else { return nil }
                graph.parents.append(Int(parent))
            }
            graph.parentStarts.append(graph.parents.count)
        }
        guard let stepCount = reader.integer(UInt32.self) else { return nil }
        for _ in 0..<stepCount {
            guard let slot = reader.integer(UInt32.self), Int(slot) < graph.parents.count, graph.renames[Int(slot)] == nil,
                  let pairCount = reader.integer(UInt32.self), pairCount > 0, Int(pairCount) <= data.count else { return nil }
            var pairs: [Rename] = []
            for _ in 0..<pairCount {
                guard let old = reader.string(), let new = reader.string() else { return nil }
                pairs.append(Rename(old: old, new: new))
            }
            graph.renames[Int(slot)] = pairs
        }
        graph.changedStarts.reserveCapacity(graph.parents.count + 1)
        for _ in 0..<graph.parents.count {
            guard let hashCount = reader.integer(UInt32.self), Int(hashCount) <= data.count else { return nil }
            for _ in 0..<hashCount {
                guard let hash = reader.integer(UInt32.self) else { return nil }
                graph.changedPaths.append(hash)
            }
            graph.changedStarts.append(graph.changedPaths.count)
        }
        guard let stepChanges = StepChanges.parse(&reader, steps: graph.parents.count) else { return nil }
        graph.stepChanges = stepChanges
        guard reader.offset == data.count else { return nil }
        return graph
    }
}
