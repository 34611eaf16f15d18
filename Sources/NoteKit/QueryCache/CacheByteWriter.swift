/// Appends the query cache's fields (and the rename index's, in HistoryKit) to a byte array:
/// fixed-width little-endian integers and length-prefixed UTF-8 strings.
package struct CacheByteWriter {
    /// What has been written so far.
    package var bytes: [UInt8] = []

    package init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    @inlinable
    package mutating func integer<Value: FixedWidthInteger>(_ value: Value) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            integer(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// A whole file: the magic, the format version (`u32`), the program version (`u32` length +
    /// UTF-8), the checksum (`u64`) of the body, then the body.
    package static func file(magic: [UInt8], formatVersion: UInt32, version: String, body: [UInt8]) -> [UInt8] {
        var file = CacheByteWriter(capacity: body.count + magic.count + version.utf8.count + 16)
        file.bytes.append(contentsOf: magic)
        file.integer(formatVersion)
        file.string(version)
        file.integer(body.withUnsafeBytes(CacheChecksum.of))
        file.bytes.append(contentsOf: body)
        return file.bytes
    }

    package mutating func raw(_ data: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: data)
    }
}
