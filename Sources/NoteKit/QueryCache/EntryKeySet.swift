import Foundation

/// The front-matter keys a partial decode keeps (``FrontMatterCodec/decodeEntries(_:_:path:keys:bodyTags:)``),
/// matched as ``FrontMatter``'s subscript matches them: by canonical equivalence, so a key
/// written decomposed in one file (`cafe` and U+0301) and composed in another (`café`) is the
/// same key from the cache as from the files. Two keys of ASCII bytes are equivalent exactly when
/// their bytes are equal, so those, nearly all keys, are compared as bytes without making a
/// String; a non-ASCII key on either side is compared as a String (an ASCII key can be
/// equivalent to one that is not: U+212A KELVIN SIGN is `K`).
struct EntryKeySet: Sendable {
    private let bytes: [[UInt8]]
    private let strings: [String]
    private let allASCII: Bool

    init(_ keys: [String]) {
        bytes = keys.map { Array($0.utf8) }
        strings = keys
        allASCII = bytes.allSatisfy { $0.allSatisfy { $0 < 0x80 } }
    }

    /// Whether the key whose UTF-8 lies at `range` of `data` is one of these keys.
    func contains(_ data: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        let key = UnsafeRawBufferPointer(rebasing: data[range])
        if allASCII && key.allSatisfy({ $0 < 0x80 }) {
            return bytes.contains { wanted in
                wanted.count == key.count && wanted.withUnsafeBytes { memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }
            }
        }
        return strings.contains(String(decoding: key, as: UTF8.self))
    }
}
