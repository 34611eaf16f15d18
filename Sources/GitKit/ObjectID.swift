/// A 20-byte SHA-1 object name, as used by libgit2 1.5 (`git_oid`).
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    // Three integers instead of a byte array: no heap allocation per id, and Hashable for free.
    // Bytes are packed big-endian so comparisons stay byte-wise.
    private var head: UInt64
    private var middle: UInt64
    private var tail: UInt32

    /// Creates an id from exactly 20 raw bytes; returns nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 20 else { return nil }
        let array = Array(bytes)
        func pack<T: FixedWidthInteger>(_ range: Range<Int>, as _: T.Type) -> T {
            array[range].reduce(T.zero) { ($0 << 8) | T($1) }
        }
        head = pack(0..<8, as: UInt64.self)
        middle = pack(8..<16, as: UInt64.self)
        tail = pack(16..<20, as: UInt32.self)
    }

    /// Creates an id from the 20 raw bytes at the start of `raw` (which must hold them): for
    /// reading many ids from a file, without the generic collection path of `init(bytes:)`.
    package init(rawBytes raw: UnsafeRawBufferPointer) {
        precondition(raw.count >= 20)
        head = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        middle = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        tail = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
    }

    /// Appends the 20 raw bytes to `array`.
    package func appendBytes(to array: inout [UInt8]) {
        withUnsafeBytes(of: head.bigEndian) { array.append(contentsOf: $0) }
        withUnsafeBytes(of: middle.bigEndian) { array.append(contentsOf: $0) }
        withUnsafeBytes(of: tail.bigEndian) { array.append(contentsOf: $0) }
    }

    /// Parses a full 40-character hexadecimal object name (either case); nil otherwise.
    public init?(hex: String) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 40 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        for index in stride(from: 0, to: 40, by: 2) {
            guard let high = Self.nibble(utf8[index]), let low = Self.nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self.init(bytes: bytes)
    }

    /// The 20 raw bytes.
    public var bytes: [UInt8] {
        (0..<8).reversed().map { UInt8(truncatingIfNeeded: head >> ($0 * 8)) }
            + (0..<8).reversed().map { UInt8(truncatingIfNeeded: middle >> ($0 * 8)) }
            + (0..<4).reversed().map { UInt8(truncatingIfNeeded: tail >> ($0 * 8)) }
    }

    /// The 40-character lowercase hexadecimal form, as `git rev-parse` prints it.
    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(40)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The all-zero id git uses for "no object".
    public static let zero = ObjectID(bytes: [UInt8](repeating: 0, count: 20))!

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
