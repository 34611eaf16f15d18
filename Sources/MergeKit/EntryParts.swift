import NoteKit

/// A Markdown entry cut into the pieces the merge handles separately, so that putting them
/// back together gives the file's exact bytes.
struct EntryParts: Hashable, Sendable {
    /// A UTF-8 byte order mark, or "".
    var prefix: String
    /// The opening and closing fence lines as written; nil when the file has no front-matter.
    var fences: Fences?
    /// The front-matter, nil when the file has none.
    var frontMatter: FrontMatter?
    /// Everything after the closing fence.
    var body: String

    /// The two fence lines with their terminators (the closing one may lack it at end of file).
    struct Fences: Hashable, Sendable {
        var opening: String
        var closing: String
    }

    /// Cuts a parsed note; `Note` keeps its prefix and fences private, but they are whatever
    /// of its text is not front-matter or body.
    init(_ note: Note) {
        let text = note.text
        let bytes = Array(text.utf8)
        let bom = Array("\u{FEFF}".utf8)
        prefix = bytes.starts(with: bom) ? "\u{FEFF}" : ""
        frontMatter = note.frontMatter
        body = note.body
        guard let frontMatter = note.frontMatter else {
            fences = nil
            return
        }
        let start = prefix.utf8.count
        let openingEnd = (bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? (bytes.count - 1)) + 1
        let closingStart = openingEnd + frontMatter.text.utf8.count
        let closingEnd = bytes.count - body.utf8.count
        fences = Fences(opening: String(decoding: bytes[start..<openingEnd], as: UTF8.self),
                        closing: String(decoding: bytes[closingStart..<closingEnd], as: UTF8.self))
    }

    /// The whole file.
    var text: String {
        guard let fences, let frontMatter else { return prefix + body }
        return prefix + fences.opening + frontMatter.text + fences.closing + body
    }
}
