import Foundation
import NoteKit

/// Compares two versions of one file as an entry: front-matter key by key, the body line by line.
enum EntryComparison {
    /// The change from `old` to `new` (nil for a version that does not exist).
    static func change(_ status: EntryChange.Status, path: String, oldPath: String? = nil, old: Data?, new: Data?) -> EntryChange {
        var change = EntryChange(status: status, path: path, oldPath: oldPath, fields: [], lines: [], isBinary: false)
        let before = old.map { parts(of: $0, path: oldPath ?? path) } ?? (frontMatter: nil, body: "")
        let after = new.map { parts(of: $0, path: path) } ?? (frontMatter: nil, body: "")
        guard let before, let after else {
            change.isBinary = true
            return change
        }
        if status != .delete {
            let newKeys = after.frontMatter?.keys ?? []
            for key in newKeys + (before.frontMatter?.keys ?? []).filter({ !newKeys.contains($0) }) {
                if let field = FieldChange.between(key: key, before.frontMatter?[key], after.frontMatter?[key]) {
                    change.fields.append(field)
                }
            }
        }
        change.lines = bodyLines(from: before.body, to: after.body)
        return change
    }

    /// A version split into front-matter and body; nil for bytes that are not text.
    private static func parts(of data: Data, path: String) -> (frontMatter: FrontMatter?, body: String)? {
        guard !data.contains(0), let text = String(data: data, encoding: .utf8) else { return nil }
        // A file whose front-matter does not parse (or that is not an entry) still has lines to
        // compare: all of it is body.
        guard path.hasSuffix(".md"), let note = try? Note(parsing: text, path: path) else {
            return (frontMatter: nil, body: text)
        }
        return (frontMatter: note.frontMatter, body: note.body)
    }

    /// The lines removed and added between two bodies, hunk by hunk (removals first in each).
    static func bodyLines(from old: String, to new: String) -> [BodyLine] {
        guard old != new else { return [] }
        let oldLines = TextLines.split(old)
        let newLines = TextLines.split(new)
        var interner = TextLines.Interner()
        let newline = TextLines.newline(of: old) ?? TextLines.newline(of: new) ?? "\n"
        let hunks = LineDiff.hunks(interner.ids(oldLines, newline: newline), interner.ids(newLines, newline: newline))
        var lines: [BodyLine] = []
        for hunk in hunks {
            lines += hunk.oldRange.map { BodyLine(added: false, text: stripped(oldLines[$0])) }
            lines += hunk.newRange.map { BodyLine(added: true, text: stripped(newLines[$0])) }
        }
        return lines
    }

    private static func stripped(_ line: String) -> String {
        var line = Substring(line)
        if line.utf8.last == UInt8(ascii: "\n") { line = Substring(line.utf8.dropLast()) }
        if line.utf8.last == UInt8(ascii: "\r") { line = Substring(line.utf8.dropLast()) }
        return String(line)
    }
}
