import Foundation
import NoteKit

/// One version of an entry as ``EntryComparison`` reads it: its text, front-matter and body,
/// read once for a caller that compares it twice (a history tells each version as the new side
/// of one change and the old side of the next).
package struct ComparedVersion {
    /// Whether the bytes hold a NUL (a binary file: nothing else is read).
    let isBinary: Bool
    /// Whether the bytes hold a carriage return (looked for once, with `memchr`: a version is
    /// compared twice, and scanning a long text through its UTF-8 view costs more).
    let hasCarriageReturn: Bool
    /// The bytes as text (not UTF-8 read as U+FFFD).
    let text: String
    let frontMatter: FrontMatter?
    let body: String

    /// The version `data` of the entry at `path` (the path decides whether it is parsed as an entry).
    package init(_ data: Data, path: String) {
        isBinary = data.withUnsafeBytes { bytes in bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }
        hasCarriageReturn = data.withUnsafeBytes { bytes in bytes.baseAddress.map { memchr($0, 13, bytes.count) != nil } ?? false }
        guard !isBinary else {
            text = ""
            frontMatter = nil
            body = ""
            return
        }
        text = String(decoding: data, as: UTF8.self)
        // A file whose front-matter does not parse (or that is not an entry) still has lines to
        // compare: all of it is body.
        if path.hasSuffix(".md"), let note = try? Note(parsing: text, path: path) {
            frontMatter = note.frontMatter
            body = note.body
        } else {
            frontMatter = nil
            body = text
        }
    }
}
