import Foundation
import NoteKit

/// Compares two versions of one file as an entry: front-matter key by key, the body line by line.
package enum EntryComparison {
    /// The change from `old` to `new` (nil for a version that does not exist).
    package static func change(_ status: EntryChange.Status, path: String, oldPath: String? = nil, old: Data?, new: Data?) -> EntryChange {
        change(status, path: path, oldPath: oldPath, old: old.map { ComparedVersion($0, path: oldPath ?? path) },
               new: new.map { ComparedVersion($0, path: path) })
    }

    /// ``change(_:path:oldPath:old:new:)`` of versions read already (`old` read at `oldPath ??
    /// path`, `new` at `path`).
    package static func change(_ status: EntryChange.Status, path: String, oldPath: String? = nil,
                               old: ComparedVersion?, new: ComparedVersion?) -> EntryChange {
        var change = EntryChange(status: status, path: path, oldPath: oldPath, fields: [], lines: [], isBinary: false, lineEndings: nil)
        if old?.isBinary == true || new?.isBinary == true {
            change.isBinary = true
            return change
        }
        let oldText = old?.text ?? ""
        let newText = new?.text ?? ""
        // Line terminators are told apart from the text (an editor set to CRLF, say): compared
        // with them, every line would show as removed and added again, with the same text.
        if let old, let new, old.hasCarriageReturn || new.hasCarriageReturn {
            let before = terminators(of: oldText)
            let after = terminators(of: newText)
            if before != after { change.lineEndings = "\(before) -> \(after)" }
        }
        let before = old.map { (frontMatter: $0.frontMatter, body: $0.body) } ?? (frontMatter: nil, body: "")
        let after = new.map { (frontMatter: $0.frontMatter, body: $0.body) } ?? (frontMatter: nil, body: "")
        if status != .delete {
            let newKeys = after.frontMatter?.keys ?? []
            for key in newKeys + (before.frontMatter?.keys ?? []).filter({ !newKeys.contains($0) }) {
                if let field = FieldChange.between(key: key, before.frontMatter?[key], after.frontMatter?[key]) {
                    change.fields.append(field)
                }
            }
        }
        change.lines = change.lineEndings == nil ? bodyLines(from: before.body, to: after.body)
            : bodyLines(from: unixLines(before.body), to: unixLines(after.body))
        return change
    }

    /// How alike two versions are, 0 to 1: the share of lines they have in common, counted
    /// against the longer one (for pairing a removed file with an added one as a rename).
    package static func similarity(_ old: Data, _ new: Data) -> Double {
        if old == new { return 1 }
        let oldLines = TextLines.split(text(old))
        let newLines = TextLines.split(text(new))
        guard !oldLines.isEmpty, !newLines.isEmpty else { return 0 }
        var counts: [String: Int] = [:]
        for line in oldLines { counts[line, default: 0] += 1 }
        var common = 0
        for line in newLines where counts[line, default: 0] > 0 {
            counts[line, default: 0] -= 1
            common += 1
        }
        return Double(common) / Double(max(oldLines.count, newLines.count))
    }

    /// The bytes as text; bytes that are not UTF-8 (a Latin-1 file, say) read as U+FFFD, so
    /// their lines still show.
    private static func text(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self)
    }

    private static func unixLines(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// `CRLF`, `LF`, or `mixed`.
    private static func terminators(of text: String) -> String {
        let crlf = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
            .filter { $0.last == UInt8(ascii: "\r") }.count
        let all = text.utf8.count { $0 == UInt8(ascii: "\n") }
        return crlf == 0 ? "LF" : crlf == all ? "CRLF" : "mixed"
    }

    /// The lines removed and added between two bodies, hunk by hunk (removals first in each).
    ///
    /// Lines compare as Swift strings do (canonically equivalent text is equal), an unterminated
    /// last line as if it had the body's line break. The lines both bodies start and end with
    /// are found first, on the bytes, without a string per line: they are never part of a minimal
    /// script's edits (``LineDiff`` would trim them itself), and an entry edited in one place,
    /// as most versions are, then costs a string only for the lines around the edit.
    static func bodyLines(from old: String, to new: String) -> [BodyLine] {
        guard old != new else { return [] }
        var old = old
        var new = new
        old.makeContiguousUTF8()
        new.makeContiguousUTF8()
        let newline = TextLines.newline(of: old) ?? TextLines.newline(of: new) ?? "\n"
        return old.utf8.withContiguousStorageIfAvailable { oldBytes in
            new.utf8.withContiguousStorageIfAvailable { newBytes in
                bodyLines(from: ByteLines(oldBytes), to: ByteLines(newBytes), newline: newline)
            }
        }.flatMap { $0 } ?? []
    }

    /// ``bodyLines(from:to:)`` on the two bodies' lines.
    private static func bodyLines(from old: ByteLines, to new: ByteLines, newline: String) -> [BodyLine] {
        var head = 0
        while head < old.count, head < new.count, old.sameLine(head, as: new, head, newline: newline) { head += 1 }
        var tail = 0
        while head < old.count - tail, head < new.count - tail,
              old.sameLine(old.count - 1 - tail, as: new, new.count - 1 - tail, newline: newline) { tail += 1 }
        let oldLines = (head..<(old.count - tail)).map(old.string)
        let newLines = (head..<(new.count - tail)).map(new.string)
        var interner = TextLines.Interner()
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
