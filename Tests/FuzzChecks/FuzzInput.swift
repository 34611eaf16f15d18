import Foundation
import NoteKit

/// How a target reads several values out of one fuzzer input: the parts are separated by the
/// ASCII record separator (0x1E), which no journal text holds, so a seed stays readable and the
/// fuzzer can still move the boundaries.
enum FuzzInput {
    static let separator: UInt8 = 0x1E

    /// The input's parts, in order (one part when it has no separator).
    static func parts(of data: Data) -> [Data] {
        data.split(separator: separator, omittingEmptySubsequences: false).map { Data($0) }
    }

    /// The part as text, nil when it is not UTF-8.
    static func text(_ data: Data) -> String? {
        String(data: data, encoding: .utf8)
    }

    /// The text's lines without their terminators (`\n`, `\r\n`).
    static func contents(of text: String) -> [Substring] {
        TextLines.split(text).map(TextLines.content)
    }

    /// Whether `text` holds `part`, byte for byte (a `String` search compares characters, and a
    /// line cut out of a text need not start on a character boundary of it).
    static func bytes(_ text: String, contain part: String) -> Bool {
        part.isEmpty || Data(text.utf8).range(of: Data(part.utf8)) != nil
    }
}
