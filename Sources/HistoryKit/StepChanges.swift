import GitKit

/// What each commit-parent step of the rename index changed (see ``RenameIndexGraph``): the tree
/// diff with renames, as `TreeComparer.changes(from:to:detectRenames: true)` listed it when the
/// step was added, so that `log ENTRY`, `grep --history` and `log` read the blobs they need and
/// no tree. Paths and blob ids are kept once each (a version is the new side of one step and the
/// old side of the next), each change as seven numbers.
///
/// File layout (little-endian, after the rename index's path hashes): the path count (`u32`)
/// and each path (`u32` length + UTF-8); the blob count (`u32`) and each blob id (20 bytes);
/// then per slot, in order, the change count (`u32`) and per change seven `u32`: the status
/// (0 added, 1 deleted, 2 modified, 3 renamed, 4 type changed), old and new path and old and new
/// blob (each its place in its table plus one, 0 for none), old and new mode (0 for none).
struct StepChanges {
    private(set) var paths: [String] = []
    private(set) var blobs: [ObjectID] = []
    /// Seven numbers per change (see the layout); step `i`'s changes are
    /// `records[starts[i] * 7 ..< starts[i + 1] * 7]`.
    private(set) var records: [UInt32] = []
    private(set) var starts: [Int] = [0]
    /// Places in the tables, built when the first step is added.
    private var pathPlaces: [String: UInt32]?
    private var blobPlaces: [ObjectID: UInt32]?

    static let width = 7
    private static let statuses: [TreeChange.Status] = [.added, .deleted, .modified, .renamed, .typeChanged]

    var stepCount: Int { starts.count - 1 }

    /// Step `slot`'s changes, in the order they were listed.
    func changes(slot: Int) -> [TreeChange] {
        var changes: [TreeChange] = []
        changes.reserveCapacity(starts[slot + 1] - starts[slot])
        for change in starts[slot]..<starts[slot + 1] {
            let base = change * Self.width
            let path = { (place: UInt32) -> String? in place == 0 ? nil : paths[Int(place) - 1] }
            let blob = { (place: UInt32) -> ObjectID? in place == 0 ? nil : blobs[Int(place) - 1] }
            let mode = { (value: UInt32) -> UInt32? in value == 0 ? nil : value }
            changes.append(TreeChange(status: Self.statuses[Int(records[base])], oldPath: path(records[base + 1]),
                                      newPath: path(records[base + 2]), oldID: blob(records[base + 3]),
                                      newID: blob(records[base + 4]), oldMode: mode(records[base + 5]),
                                      newMode: mode(records[base + 6])))
        }
        return changes
    }

    /// Adds the next step's changes.
    mutating func append(_ changes: [TreeChange]) {
        if pathPlaces == nil {
            var places: [String: UInt32] = [:]
            places.reserveCapacity(paths.count)
            for (offset, path) in paths.enumerated() { places[path] = UInt32(offset + 1) }
            pathPlaces = places
        }
        if blobPlaces == nil {
            var places: [ObjectID: UInt32] = [:]
            places.reserveCapacity(blobs.count)
            for (offset, blob) in blobs.enumerated() { places[blob] = UInt32(offset + 1) }
            blobPlaces = places
        }
        for change in changes {
            records.append(UInt32(Self.statuses.firstIndex(of: change.status)!))
            records.append(change.oldPath.map { intern(path: $0) } ?? 0)
            records.append(change.newPath.map { intern(path: $0) } ?? 0)
            records.append(change.oldID.map { intern(blob: $0) } ?? 0)
            records.append(change.newID.map { intern(blob: $0) } ?? 0)
            records.append(change.oldMode ?? 0)
            records.append(change.newMode ?? 0)
        }
        starts.append(records.count / Self.width)
    }

    private mutating func intern(path: String) -> UInt32 {
        if let known = pathPlaces![path] { return known }
        paths.append(path)
        pathPlaces![path] = UInt32(paths.count)
        return UInt32(paths.count)
    }

    private mutating func intern(blob: ObjectID) -> UInt32 {
        if let known = blobPlaces![blob] { return known }
        blobs.append(blob)
        blobPlaces![blob] = UInt32(blobs.count)
        return UInt32(blobs.count)
    }

    /// Writes the tables and the steps (see the layout).
    func serialize(into bytes: inout [UInt8]) {
        func put(_ value: UInt32) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        put(UInt32(paths.count))
        for path in paths {
            put(UInt32(path.utf8.count))
            bytes.append(contentsOf: path.utf8)
        }
        put(UInt32(blobs.count))
        for blob in blobs { blob.appendBytes(to: &bytes) }
        for slot in 0..<stepCount {
            put(UInt32(starts[slot + 1] - starts[slot]))
            for value in records[(starts[slot] * Self.width)..<(starts[slot + 1] * Self.width)] { put(value) }
        }
    }

    /// Reads `steps` steps' changes; nil when anything is out of place (a status, a path or
    /// blob that is not in its table, the data ending early).
    static func parse(_ reader: inout RenameIndexReader, steps: Int) -> StepChanges? {
        var table = StepChanges()
        guard let pathCount = reader.integer(UInt32.self), Int(pathCount) <= reader.data.count else { return nil }
        table.paths.reserveCapacity(Int(pathCount))
        for _ in 0..<pathCount {
            guard let path = reader.string() else { return nil }
            table.paths.append(path)
        }
        guard let blobCount = reader.integer(UInt32.self), Int(blobCount) <= reader.data.count else { return nil }
        table.blobs.reserveCapacity(Int(blobCount))
        for _ in 0..<blobCount {
            guard let blob = reader.objectID() else { return nil }
            table.blobs.append(blob)
        }
        table.starts.reserveCapacity(steps + 1)
        for _ in 0..<steps {
            guard let count = reader.integer(UInt32.self), Int(count) <= reader.data.count else { return nil }
            for _ in 0..<(Int(count) * width) {
                guard let value = reader.integer(UInt32.self) else { return nil }
                table.records.append(value)
            }
            table.starts.append(table.records.count / width)
        }
        for change in 0..<(table.records.count / width) {
            let base = change * width
            guard Int(table.records[base]) < statuses.count,
                  table.records[base + 1] <= pathCount, table.records[base + 2] <= pathCount,
                  table.records[base + 3] <= blobCount, table.records[base + 4] <= blobCount else { return nil }
        }
        return table
    }
}
