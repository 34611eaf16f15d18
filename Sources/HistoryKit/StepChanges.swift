import GitKit

/// What each commit-parent step of the rename index changed (see ``RenameIndexGraph``): the tree
/// diff with renames, as `TreeComparer.changes(from:to:detectRenames: true)` listed it when the
/// step was added, so that `log ENTRY`, `grep --history` and `log` read the blobs they need and
/// no tree. Paths and blob ids are kept once each (a version is the new side of one step and the
/// old side of the next), each change as seven numbers.
///
/// File layout (little-endian, after the rename index's path hashes): the path count (`u32`),
/// where each path ends (`u32` each) and the paths' UTF-8 one after another; the blob count
/// (`u32`) and each blob id (20 bytes); the change count (`u32`), where each slot's changes end
/// (`u32` per slot, in order), then per change seven `u32`: the status (0 added, 1 deleted,
/// 2 modified, 3 renamed, 4 type changed), old and new path and old and new blob (each its place
/// in its table plus one, 0 for none), old and new mode (0 for none). Each table is copied whole
/// when the index is read, and a path or blob made only when a change is asked for: most
/// commands read few steps (`show --at` none).
struct StepChanges {
    /// Path `i` is `pathBytes[pathEnds[i]..<pathEnds[i + 1]]`.
    private(set) var pathBytes: [UInt8] = []
    private(set) var pathEnds: [Int] = [0]
    /// Blob `i` is `blobBytes[i * 20..<(i + 1) * 20]`.
    private(set) var blobBytes: [UInt8] = []
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
            let pathAt = { (place: UInt32) -> String? in place == 0 ? nil : self.path(Int(place) - 1) }
            let blobAt = { (place: UInt32) -> ObjectID? in place == 0 ? nil : self.blob(Int(place) - 1) }
            let mode = { (value: UInt32) -> UInt32? in value == 0 ? nil : value }
            changes.append(TreeChange(status: Self.statuses[Int(records[base])], oldPath: pathAt(records[base + 1]),
                                      newPath: pathAt(records[base + 2]), oldID: blobAt(records[base + 3]),
                                      newID: blobAt(records[base + 4]), oldMode: mode(records[base + 5]),
                                      newMode: mode(records[base + 6])))
        }
        return changes
    }

    private var pathCount: Int { pathEnds.count - 1 }
    private var blobCount: Int { blobBytes.count / 20 }

    private func path(_ index: Int) -> String {
        pathBytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[pathEnds[index]..<pathEnds[index + 1]]), as: UTF8.self) }
    }

    private func blob(_ index: Int) -> ObjectID {
        blobBytes.withUnsafeBytes { ObjectID(rawBytes: UnsafeRawBufferPointer(rebasing: $0[(index * 20)..<(index * 20 + 20)])) }
    }

    /// Adds the next step's changes.
    mutating func append(_ changes: [TreeChange]) {
        if pathPlaces == nil {
            var places: [String: UInt32] = [:]
            places.reserveCapacity(pathCount)
            for index in 0..<pathCount { places[path(index)] = UInt32(index + 1) }
            pathPlaces = places
        }
        if blobPlaces == nil {
            var places: [ObjectID: UInt32] = [:]
            places.reserveCapacity(blobCount)
            for index in 0..<blobCount { places[blob(index)] = UInt32(index + 1) }
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
        pathBytes.append(contentsOf: path.utf8)
        pathEnds.append(pathBytes.count)
        pathPlaces![path] = UInt32(pathCount)
        return UInt32(pathCount)
    }

    private mutating func intern(blob: ObjectID) -> UInt32 {
        if let known = blobPlaces![blob] { return known }
        blob.appendBytes(to: &blobBytes)
        blobPlaces![blob] = UInt32(blobCount)
        return UInt32(blobCount)
    }

    /// Writes the tables and the steps (see the layout).
    func serialize(into bytes: inout [UInt8]) {
        func put(_ value: UInt32) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        put(UInt32(pathCount))
        for end in pathEnds.dropFirst() { put(UInt32(end)) }
        bytes.append(contentsOf: pathBytes)
        put(UInt32(blobCount))
        bytes.append(contentsOf: blobBytes)
        put(UInt32(records.count / Self.width))
        for start in starts.dropFirst() { put(UInt32(start)) }
        for value in records { put(value) }
    }

    /// Reads `steps` steps' changes; nil when anything is out of place (a path or slot ending
    /// before the one before it, a status, a path or blob that is not in its table, the data
    /// ending early).
    static func parse(_ reader: inout RenameIndexReader, steps: Int) -> StepChanges? {
        var table = StepChanges()
        let data = reader.data
        /// `count` little-endian `u32` from the reader's place on, each checked by `valid`.
        func integers(_ count: Int, _ valid: (UInt32) -> Bool) -> [UInt32]? {
            let start = reader.offset
            guard count >= 0, count <= (data.count - start) / 4 else { return nil }
            var values: [UInt32] = []
            values.reserveCapacity(count)
            for index in 0..<count {
                let value = UInt32(littleEndian: data.loadUnaligned(fromByteOffset: start + index * 4, as: UInt32.self))
                guard valid(value) else { return nil }
                values.append(value)
            }
            reader.skip(count * 4)
            return values
        }
        func bytes(_ count: Int) -> [UInt8]? {
            let start = reader.offset
            guard count >= 0, count <= data.count - start else { return nil }
            reader.skip(count)
            return Array(UnsafeRawBufferPointer(rebasing: data[start..<(start + count)]))
        }
        guard let pathCount = reader.integer(UInt32.self) else { return nil }
        var last = 0
        guard let ends = integers(Int(pathCount), { end in defer { last = Int(end) }; return Int(end) >= last }),
              let pathBytes = bytes(last) else { return nil }
        table.pathEnds = [0] + ends.map(Int.init)
        table.pathBytes = pathBytes
        guard let blobCount = reader.integer(UInt32.self), Int(blobCount) <= data.count / 20,
              let blobBytes = bytes(Int(blobCount) * 20) else { return nil }
        table.blobBytes = blobBytes
        guard let changeCount = reader.integer(UInt32.self) else { return nil }
        last = 0
        guard let starts = integers(steps, { end in defer { last = Int(end) }; return Int(end) >= last && end <= changeCount }),
              last == Int(changeCount) else { return nil }
        table.starts = [0] + starts.map(Int.init)
        var field = 0
        guard let records = integers(Int(changeCount) * width, { value in
            defer { field = (field + 1) % width }
            switch field {
            case 0: return Int(value) < statuses.count
            case 1, 2: return value <= pathCount
            case 3, 4: return value <= blobCount
            default: return true
            }
        }) else { return nil }
        table.records = records
        return table
    }
}
