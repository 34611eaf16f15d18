/// The query cache's checksum: eight bytes at a time, so checking a cache of 100,000 entries
/// costs little. It finds damage (a torn write, a truncated or overwritten file); it is no
/// defence against someone forging a cache, who could as well edit the entries themselves.
enum CacheChecksum {
    static func of(_ data: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(data.count)
        var offset = 0
        while data.count - offset >= 8 {
            let word = UInt64(littleEndian: data.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            hash = (hash ^ word) &* 0x0000_0100_0000_01B3
            hash ^= hash >> 29
            offset += 8
        }
        while offset < data.count {
            hash = (hash ^ UInt64(data[offset])) &* 0x0000_0100_0000_01B3
            offset += 1
        }
        return hash ^ (hash >> 32)
    }
}
