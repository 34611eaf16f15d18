import Foundation
import NoteKit

/// A text's lines as ranges of its UTF-8 bytes, split as ``TextLines/split(_:)`` splits them
/// (each with its `\n`, the last one maybe without), for comparing lines without a string each.
struct ByteLines {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where each line starts; the last line ends at the end of the bytes.
    private var starts: [Int] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var start = 0
        while start < bytes.count {
            starts.append(start)
            guard let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { break }
            start = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1
        }
    }

    var count: Int { starts.count }

    /// The bytes of line `index`, terminator included.
    func range(_ index: Int) -> Range<Int> {
        starts[index]..<(index + 1 < starts.count ? starts[index + 1] : bytes.count)
    }

    /// Line `index` as a string, terminator included (the same string `TextLines.split` gives).
    func string(_ index: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range(index)]), as: UTF8.self)
    }

    /// Whether line `index` and line `otherIndex` of `other` are the same line as
    /// `TextLines.Interner` tells them apart: equal strings once an unterminated one is given
    /// `newline`. Equal bytes with a terminator on both are equal without a string.
    func sameLine(_ index: Int, as other: ByteLines, _ otherIndex: Int, newline: String) -> Bool {
        let mine = range(index)
        let theirs = other.range(otherIndex)
        let terminated = bytes[mine.upperBound - 1] == UInt8(ascii: "\n")
        let otherTerminated = other.bytes[theirs.upperBound - 1] == UInt8(ascii: "\n")
        if terminated, otherTerminated, mine.count == theirs.count,
           memcmp(bytes.baseAddress! + mine.lowerBound, other.bytes.baseAddress! + theirs.lowerBound, mine.count) == 0 {
            return true
        }
        return TextLines.terminated(string(index), newline: newline) == TextLines.terminated(other.string(otherIndex), newline: newline)
    }
}
