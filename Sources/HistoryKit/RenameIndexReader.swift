import GitKit

/// Reads the rename index's body (see ``RenameIndexGraph``), each field checking its length
/// against the end of the data: a damaged index reads as nil, never out of bounds. Its own, not
/// NoteKit's `CacheByteReader`, whose integer reads stay generic when called from another module
/// (half of reading an index of 11,000 commits went to them).
struct RenameIndexReader {
    let data: UnsafeRawBufferPointer
    /// The next byte to read.
    private(set) var offset: Int

    init(_ data: UnsafeRawBufferPointer, at offset: Int) {
        self.data = data
        self.offset = offset
    }

    mutating func integer<Value: FixedWidthInteger>(_: Value.Type) -> Value? {
        let size = MemoryLayout<Value>.size
        guard offset >= 0, data.count - offset >= size else { return nil }
        defer { offset += size }
        return Value(littleEndian: data.loadUnaligned(fromByteOffset: offset, as: Value.self))
    }

    mutating func objectID() -> ObjectID? {
        guard offset >= 0, data.count - offset >= 20 else { return nil }
        defer { offset += 20 }
        return ObjectID(rawBytes: UnsafeRawBufferPointer(rebasing: data[offset..<(offset + 20)]))
    }

    /// Moves past `count` bytes read some other way (checked against the end first).
    mutating func skip(_ count: Int) {
        offset += count
    }

    /// A length-prefixed UTF-8 string.
    mutating func string() -> String? {
        guard let count = integer(UInt32.self), data.count - offset >= Int(count) else { return nil }
        defer { offset += Int(count) }
        return String(decoding: UnsafeRawBufferPointer(rebasing: data[offset..<(offset + Int(count))]), as: UTF8.self)
    }
}
