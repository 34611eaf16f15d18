/// Appends the query cache's fields to a byte array: fixed-width little-endian integers and
/// length-prefixed UTF-8 strings.
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

    package mutating func raw(_ data: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: data)
    }
}
