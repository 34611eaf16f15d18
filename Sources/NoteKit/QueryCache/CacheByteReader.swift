/// Reads the fields ``CacheByteWriter`` wrote, checking every length against the end of the
/// data: a damaged cache reads as nil, never out of bounds.
package struct CacheByteReader {
    package let data: UnsafeRawBufferPointer
    /// The next byte to read.
    package var offset: Int
    /// Where reading must stop.
    package let end: Int

    package init(_ data: UnsafeRawBufferPointer, range: Range<Int>? = nil) {
        self.data = data
        offset = range?.lowerBound ?? 0
        end = range?.upperBound ?? data.count
    }

    @inlinable
    package mutating func integer<Value: FixedWidthInteger>(_: Value.Type = Value.self) -> Value? {
        let size = MemoryLayout<Value>.size
        guard offset >= 0, end - offset >= size else { return nil }
        let value = data.loadUnaligned(fromByteOffset: offset, as: Value.self)
        offset += size
        return Value(littleEndian: value)
    }

    /// The range of the next `count` bytes, skipped.
    @inlinable
    package mutating func skip(_ count: Int) -> Range<Int>? {
        guard count >= 0, end - offset >= count else { return nil }
        defer { offset += count }
        return offset..<(offset + count)
    }

    /// The range of a length-prefixed string, skipped.
    package mutating func stringRange() -> Range<Int>? {
        guard let count = integer(UInt32.self) else { return nil }
        return skip(Int(count))
    }

    package mutating func string() -> String? {
        guard let range = stringRange() else { return nil }
        return text(range)
    }

    /// Reads the header ``CacheByteWriter/file(magic:formatVersion:version:body:)`` writes and
    /// checks it whole: the magic, the format and program versions, and the checksum of
    /// everything after it. False for anything else; the reader is then at the body.
    package mutating func header(magic: [UInt8], formatVersion: UInt32, version: String) -> Bool {
        guard let found = skip(magic.count), data[found].elementsEqual(magic),
              integer(UInt32.self) == formatVersion,
              let written = string(), written == version,
              let checksum = integer(UInt64.self) else { return false }
        return CacheChecksum.of(UnsafeRawBufferPointer(rebasing: data[offset..<end])) == checksum
    }

    package func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: data[range]), as: UTF8.self)
    }
}
